package cn.fupin.reporting.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.fupin.contracts.reporting.model.DataQualityReport;
import cn.fupin.contracts.reporting.model.DynamicAdjustmentReport;
import cn.fupin.contracts.reporting.model.IncomeReport;
import cn.fupin.contracts.reporting.model.MonitoringReport;
import cn.fupin.contracts.reporting.model.OverviewReport;
import cn.fupin.contracts.reporting.model.ProgressReport;

/**
 * Every report as the tables its CSV and XLSX exports contain — the same figures as its JSON, with Chinese column
 * names: first the report's own breakdowns, then its child areas for drill-down.
 */
public final class ReportTables {

    private ReportTables() {
    }

    public static boolean supports(Class<?> type) {
        return type == OverviewReport.class || type == MonitoringReport.class
                || type == DynamicAdjustmentReport.class || type == IncomeReport.class || type == ProgressReport.class
                || type == DataQualityReport.class;
    }

    /** A name for the downloaded file, e.g. {@code overview-350481-2020}. */
    public static String fileName(Object report) {
        return switch (report) {
            case OverviewReport r -> "overview-" + r.getAreaCode() + year(r.getYear());
            case MonitoringReport r -> "monitoring-" + r.getAreaCode() + year(r.getYear());
            case DynamicAdjustmentReport r -> "dynamic-adjustment-" + r.getAreaCode() + year(r.getYear());
            case IncomeReport r -> "income-" + r.getAreaCode() + year(r.getYear());
            case ProgressReport r -> "progress" + year(r.getYear());
            case DataQualityReport r -> "data-quality-" + r.getAreaCode() + year(r.getYear());
            default -> throw new IllegalArgumentException("not a report: " + report.getClass());
        };
    }

    public static List<Table> of(Object report) {
        return switch (report) {
            case OverviewReport r -> List.of(
                    table("按户类别", List.of("类别编码", "类别", "户数", "人数"), r.getByCategory(),
                            c -> row(c.getCode(), c.getLabel(), c.getHouseholds(), c.getPersons())),
                    table("按户状态", List.of("状态编码", "状态", "户数", "人数"), r.getByStatus(),
                            c -> row(c.getCode(), c.getLabel(), c.getHouseholds(), c.getPersons())),
                    table("下级区划", List.of("区划代码", "区划名称", "户数", "人数"), r.getChildren(),
                            c -> row(c.getAreaCode(), c.getAreaName(), c.getHouseholds(), c.getPersons())));
            case MonitoringReport r -> List.of(
                    table("按类型", List.of("编码", "类型", "监测对象数"), r.getByType(),
                            c -> row(c.getCode(), c.getLabel(), c.getObjects())),
                    table("按状态", List.of("编码", "状态", "监测对象数"), r.getByStatus(),
                            c -> row(c.getCode(), c.getLabel(), c.getObjects())),
                    table("按风险", List.of("编码", "风险", "监测对象数"), r.getByRisk(),
                            c -> row(c.getCode(), c.getLabel(), c.getObjects())),
                    table("下级区划", List.of("区划代码", "区划名称", "监测对象数", "风险已消除"), r.getChildren(),
                            c -> row(c.getAreaCode(), c.getAreaName(), c.getObjects(), c.getEliminated())));
            case DynamicAdjustmentReport r -> List.of(
                    table("动态调整", List.of("编码", "类别", "户数", "人数"), r.getChanges(),
                            c -> row(c.getCode(), c.getLabel(), c.getHouseholds(), c.getPersons())),
                    table("自然增加", List.of("原因编码", "原因", "人数"), r.getMemberIncreases(),
                            c -> row(c.getCode(), c.getLabel(), c.getPersons())),
                    table("自然减少", List.of("原因编码", "原因", "人数"), r.getMemberDecreases(),
                            c -> row(c.getCode(), c.getLabel(), c.getPersons())),
                    table("下级区划", List.of("区划代码", "区划名称", "新识别", "脱贫退出", "返贫", "清退", "自然增加",
                            "自然减少"), r.getChildren(), c -> row(c.getAreaCode(), c.getAreaName(), c.getIdentified(),
                                    c.getExited(), c.getReturned(), c.getCleared(), c.getIncreases(),
                                    c.getDecreases())));
            case IncomeReport r -> List.of(
                    table("收入分段", List.of("编码", "分段", "下限（元）", "上限（元）", "户数", "人数"), r.getBands(),
                            c -> row(c.getCode(), c.getLabel(), c.getFrom(), c.getTo(), c.getHouseholds(),
                                    c.getPersons())),
                    table("按户类别", List.of("编码", "类别", "户数", "平均人均纯收入（元）"), r.getByCategory(),
                            c -> row(c.getCode(), c.getLabel(), c.getHouseholds(), c.getAveragePerCapita())),
                    table("下级区划", List.of("区划代码", "区划名称", "户数", "低于扶贫标准", "低于监测线"), r.getChildren(),
                            c -> row(c.getAreaCode(), c.getAreaName(), c.getHouseholds(), c.getBelowPovertyLine(),
                                    c.getBelowMonitoringLine())));
            case ProgressReport r -> List.of(table("工作进度", List.of("乡镇代码", "乡镇", "功能已开通", "户数",
                    "已录入年度信息", "村级待审", "乡镇待审", "市级待审", "退回待改", "问题数据未销号", "问题数据已销号"),
                    r.getTownships(), t -> row(t.getTownshipCode(), t.getTownshipName(),
                            t.getFunctionsOpen() ? "是" : "否", t.getHouseholds(), t.getAnnualRecords(),
                            t.getReviewsPending().getVillage(), t.getReviewsPending().getTownship(),
                            t.getReviewsPending().getCity(), t.getReviewsPending().getReturned(), t.getIssuesOpen(),
                            t.getIssuesClosed())));
            case DataQualityReport r -> List.of(
                    table("按规则", List.of("规则编码", "规则", "未销号", "已销号"), r.getRules(),
                            c -> row(c.getRuleCode(), c.getRuleName(), c.getOpen(), c.getClosed())),
                    table("下级区划", List.of("区划代码", "区划名称", "未销号", "已销号"), r.getChildren(),
                            c -> row(c.getAreaCode(), c.getAreaName(), c.getOpen(), c.getClosed())));
            default -> throw new IllegalArgumentException("not a report: " + report.getClass());
        };
    }

    private static <T> Table table(String title, List<String> columns, List<T> items, Function<T, List<Object>> row) {
        List<List<Object>> rows = new ArrayList<>();
        items.forEach(item -> rows.add(row.apply(item)));
        return new Table(title, columns, rows);
    }

    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    private static String year(Integer year) {
        return year == null ? "" : "-" + year;
    }
}
