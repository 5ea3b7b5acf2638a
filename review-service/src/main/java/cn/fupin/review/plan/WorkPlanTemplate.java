package cn.fupin.review.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.contracts.rules.WorkYear;

/**
 * The 2020 work plan's schedule (扶贫对象动态管理和信息采集工作方案, 2020-10-09) as the template of any year: the
 * same month-days, closing at 12-31 24:00 Asia/Shanghai; and its policy figures, the seed's defaults.
 */
public final class WorkPlanTemplate {

    private record Step(PhaseCode code, MonthDay start, MonthDay end) {
    }

    private static final List<Step> SCHEDULE_2020 = List.of(
            new Step(PhaseCode.FIELD_WORK, MonthDay.of(10, 9), MonthDay.of(10, 25)),
            new Step(PhaseCode.REPORT_AND_FUNCTION_OPENING, MonthDay.of(10, 26), MonthDay.of(10, 27)),
            new Step(PhaseCode.DATA_ENTRY, MonthDay.of(10, 28), MonthDay.of(11, 20)),
            new Step(PhaseCode.SELF_CHECK, MonthDay.of(11, 21), MonthDay.of(12, 10)),
            new Step(PhaseCode.FIELD_VERIFICATION, MonthDay.of(12, 11), MonthDay.of(12, 20)),
            new Step(PhaseCode.CORRECTION, MonthDay.of(12, 21), MonthDay.of(12, 31)),
            new Step(PhaseCode.SUMMARY, null, MonthDay.of(12, 31)));

    private static final Codebook SEED = Codebook.forYear(2020);

    private WorkPlanTemplate() {
    }

    /** The 2020 schedule moved to the given year. */
    public static List<Phase> forYear(int year) {
        return SCHEDULE_2020.stream().map(step -> new Phase(step.code(), null,
                step.start() == null ? null : step.start().atYear(year), step.end().atYear(year))).toList();
    }

    /** Whether the seed work plan gives the year's policy figures itself (2020's: the codebook's parameters). */
    static boolean seeded(int year) {
        return SEED.parameter(String.valueOf(year), "poverty_line_yuan_per_person").isPresent();
    }

    /**
     * The seed work plan's policy figures (codebook {@code parameters."2020"}) for a year, unpublished (revision 0):
     * the template's proposal until the city office sets its own.
     */
    static YearlyPolicy seedPolicy(int year) {
        String seedYear = SEED.version();
        return new YearlyPolicy(year, 0, year, figure(seedYear, "poverty_line_yuan_per_person"),
                figure(seedYear, "monitoring_line_factor"), figure(seedYear, "publicity_days_min").intValue());
    }

    private static BigDecimal figure(String year, String name) {
        return SEED.parameter(year, name).map(value -> new BigDecimal(value.toString()))
                .orElseThrow(() -> new IllegalStateException("the seed codebook has no " + name));
    }

    /** 12-31 24:00 in Asia/Shanghai: the year's close. */
    public static java.time.Instant closeOf(int year) {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(WorkYear.ZONE).toInstant();
    }
}
