package cn.fupin.review.cases;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The stages each case type passes, in order, and how long a stage may take before its cases are flagged overdue
 * ({@code fupin.review.*}). Defaults follow the 2020 work plan: village → township → city filing for status
 * changes, the city alone for function opening.
 */
@ConfigurationProperties("fupin.review")
public record ReviewStages(Map<CaseType, List<Stage>> stages, Map<Stage, Duration> stageDurations) {

    private static final List<Stage> THREE_LEVELS = List.of(Stage.VILLAGE, Stage.TOWNSHIP, Stage.CITY);

    public ReviewStages {
        EnumMap<CaseType, List<Stage>> merged = new EnumMap<>(CaseType.class);
        for (CaseType type : CaseType.values()) {
            merged.put(type, type == CaseType.FUNCTION_OPENING ? List.of(Stage.CITY) : THREE_LEVELS);
        }
        if (stages != null) {
            stages.forEach((type, configured) -> merged.put(type, validated(type, configured)));
        }
        stages = Map.copyOf(merged);
        EnumMap<Stage, Duration> durations = new EnumMap<>(Map.of(Stage.VILLAGE, Duration.ofDays(15),
                Stage.TOWNSHIP, Duration.ofDays(7), Stage.CITY, Duration.ofDays(7)));
        if (stageDurations != null) {
            durations.putAll(stageDurations);
        }
        stageDurations = Map.copyOf(durations);
    }

    public List<Stage> of(CaseType type) {
        return stages.get(type);
    }

    public Duration durationOf(Stage stage) {
        return stageDurations.get(stage);
    }

    /** Stages must be non-empty, without repetition and in the order of the levels (lower before higher). */
    private static List<Stage> validated(CaseType type, List<Stage> configured) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalArgumentException("fupin.review.stages." + type + " must name at least one stage");
        }
        for (int i = 1; i < configured.size(); i++) {
            if (configured.get(i).ordinal() <= configured.get(i - 1).ordinal()) {
                throw new IllegalArgumentException("fupin.review.stages." + type
                        + " must list distinct stages from village up to city, got " + configured);
            }
        }
        if (type == CaseType.FUNCTION_OPENING && configured.contains(Stage.VILLAGE)) {
            throw new IllegalArgumentException("fupin.review.stages.FUNCTION_OPENING: a township's request has no village stage");
        }
        return List.copyOf(configured);
    }
}
