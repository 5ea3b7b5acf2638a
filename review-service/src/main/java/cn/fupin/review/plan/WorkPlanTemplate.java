package cn.fupin.review.plan;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import cn.fupin.review.WorkZone;

/**
 * The 2020 work plan's schedule (扶贫对象动态管理和信息采集工作方案, 2020-10-09) as the template of any year: the
 * same month-days, closing at 12-31 24:00 Asia/Shanghai.
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

    private WorkPlanTemplate() {
    }

    /** The 2020 schedule moved to the given year. */
    public static List<Phase> forYear(int year) {
        return SCHEDULE_2020.stream().map(step -> new Phase(step.code(), null,
                step.start() == null ? null : step.start().atYear(year), step.end().atYear(year))).toList();
    }

    /** 12-31 24:00 in Asia/Shanghai: the year's close. */
    public static java.time.Instant closeOf(int year) {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(WorkZone.ZONE).toInstant();
    }
}
