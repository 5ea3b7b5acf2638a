package cn.fupin.review.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Stages per case type come from configuration, with the work plan's defaults. */
class ReviewStagesTests {

    @Test
    void defaultsAreVillageTownshipCityAndTheCityAloneForFunctionOpening() {
        ReviewStages stages = new ReviewStages(null, null);
        assertThat(stages.of(CaseType.POVERTY_EXIT)).containsExactly(Stage.VILLAGE, Stage.TOWNSHIP, Stage.CITY);
        assertThat(stages.of(CaseType.FUNCTION_OPENING)).containsExactly(Stage.CITY);
        assertThat(stages.durationOf(Stage.VILLAGE)).isEqualTo(Duration.ofDays(15));
    }

    @Test
    void aConfiguredTypeTakesItsOwnStages() {
        ReviewStages stages = new ReviewStages(Map.of(CaseType.RISK_ELIMINATION, List.of(Stage.TOWNSHIP, Stage.CITY)),
                Map.of(Stage.CITY, Duration.ofDays(3)));
        assertThat(stages.of(CaseType.RISK_ELIMINATION)).containsExactly(Stage.TOWNSHIP, Stage.CITY);
        assertThat(stages.of(CaseType.NEW_IDENTIFICATION)).hasSize(3);
        assertThat(stages.durationOf(Stage.CITY)).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void stagesOutOfOrderRepeatedOrMissingAreRefusedAtStartup() {
        assertThatThrownBy(() -> new ReviewStages(Map.of(CaseType.POVERTY_EXIT, List.of(Stage.CITY, Stage.VILLAGE)),
                null)).hasMessageContaining("POVERTY_EXIT");
        assertThatThrownBy(() -> new ReviewStages(Map.of(CaseType.POVERTY_EXIT, List.of(Stage.CITY, Stage.CITY)),
                null)).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new ReviewStages(Map.of(CaseType.POVERTY_EXIT, List.of()), null))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ReviewStages(Map.of(CaseType.FUNCTION_OPENING, List.of(Stage.VILLAGE,
                Stage.CITY)), null)).hasMessageContaining("no village stage");
    }
}
