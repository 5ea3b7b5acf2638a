package cn.fupin.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The figures read back from Gatling's HTML report: its statistics table, cut from a real report of the write
 * scenario (two of its rows), read by the names its header gives the columns.
 */
class GatlingRunTests {

    @Test
    void readsEachRequestsFiguresByTheHeadersColumns() throws IOException {
        Map<String, StepStats> stats = GatlingRun.read(fixture());

        assertThat(stats).containsOnlyKeys("register 100/s gateway", "register 16 clients direct");
        assertThat(stats.get("register 100/s gateway"))
                .isEqualTo(new StepStats("register 100/s gateway", 1000, 0, 3843, 10025, 11266));
        assertThat(stats.get("register 16 clients direct"))
                .isEqualTo(new StepStats("register 16 clients direct", 720, 0, 169, 625, 963));
    }

    @Test
    void refusesATableWithoutTheColumnsItNeeds() throws IOException {
        String withoutPercentile = fixture().replace("<span>99th pct</span>", "<span>98th pct</span>");

        assertThatThrownBy(() -> GatlingRun.read(withoutPercentile)).hasMessageContaining("99th pct");
        assertThatThrownBy(() -> GatlingRun.read("<html></html>")).hasMessageContaining("no statistics table");
    }

    private static String fixture() throws IOException {
        try (var in = GatlingRunTests.class.getResourceAsStream("/gatling-report.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
