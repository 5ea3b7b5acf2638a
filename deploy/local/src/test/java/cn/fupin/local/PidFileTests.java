package cn.fupin.local;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTests {

    @Test
    void writesAndReadsTheEntriesInStartOrder(@TempDir Path dir) {
        PidFile pidFile = new PidFile(dir.resolve("stack.pids"));
        List<PidEntry> entries = List.of(new PidEntry("launcher", 100, 1_795_911_200_290L),
                new PidEntry("postgres", 101, 1_795_911_203_350L), new PidEntry("gateway", 120, 0));

        pidFile.write(entries);

        assertThat(pidFile.read()).containsExactlyElementsOf(entries);
        pidFile.delete();
        assertThat(pidFile.read()).isEmpty();
    }

    @Test
    void skipsCommentsBlankAndMalformedLinesAndAcceptsAMissingStartTime() {
        String text = """
                # Fupin local stack
                launcher 100 1795911200290

                kafka not-a-pid 5
                keycloak
                household-service 130
                """;

        assertThat(PidFile.parse(text)).containsExactly(new PidEntry("launcher", 100, 1_795_911_200_290L),
                new PidEntry("household-service", 130, 0));
    }

    @Test
    void aRecordedProcessThatRestartedUnderTheSamePidIsNotOurs() {
        ProcessHandle self = ProcessHandle.current();
        PidEntry recorded = PidEntry.of("launcher", self);
        PidEntry otherStart = new PidEntry("launcher", self.pid(), recorded.startMillis() - 60_000);

        assertThat(recorded.live()).contains(self);
        assertThat(otherStart.live()).isEmpty();
    }
}
