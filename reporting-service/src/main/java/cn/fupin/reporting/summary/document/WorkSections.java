package cn.fupin.reporting.summary.document;

import static cn.fupin.reporting.summary.document.Tables.row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;


import cn.fupin.reporting.summary.figures.TownshipFigures;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.reporting.export.Table;
import cn.fupin.reporting.summary.document.SummaryDocument.Section;
import cn.fupin.reporting.summary.figures.TownshipFigures.OpenClosed;
import cn.fupin.reporting.summary.figures.TownshipFigures.Progress;
import cn.fupin.reporting.summary.figures.TownshipFigures.Reviews;
import cn.fupin.reporting.summary.figures.TownshipFigures.Village;

/** Sections five to eight: review cases, problem data, where the work stands, and the villages. */
class WorkSections {

    private final Codebook codebook;

    WorkSections(Codebook codebook) {
        this.codebook = codebook;
    }

    Section reviews(TownshipFigures f) {
        Reviews all = f.reviews().values().stream().reduce(Reviews.NONE, Reviews::plus);
        Map<String, Long> waiting = f.progress().waitingByStage();
        List<List<Object>> rows = new ArrayList<>();
        Tables.all(Labels.CASE_TYPES, f.reviews()).forEach((type, name) -> {
            Reviews r = f.reviews().getOrDefault(type, Reviews.NONE);
            rows.add(row(name, r.inReview(), r.returned(), r.approved(), r.rejected(), r.total()));
        });
        rows.add(row("合计", all.inReview(), all.returned(), all.approved(), all.rejected(), all.total()));
        return new Section("五、审核与复核备案情况", List.of(f.year() + "年审核案件" + all.total() + "件：审核中" + all.inReview()
                + "件（其中村级评议公示" + waiting.getOrDefault("VILLAGE", 0L) + "件、乡镇审核" + waiting.getOrDefault("TOWNSHIP", 0L)
                + "件、市扶贫办复核备案" + waiting.getOrDefault("CITY", 0L) + "件），退回修改" + all.returned() + "件，审核通过"
                + all.approved() + "件，未通过" + all.rejected() + "件。"),
                List.of(new Table("按案件类型", List.of("案件类型", "审核中", "退回修改", "通过", "未通过", "合计"), rows)));
    }

    /** Only rules that found something are listed: the codebook has many rules and most find nothing. */
    Section issues(TownshipFigures f) {
        var names = codebook.list("data_quality_rule");
        long open = f.issues().values().stream().mapToLong(OpenClosed::open).sum();
        long closed = f.issues().values().stream().mapToLong(OpenClosed::closed).sum();
        List<List<Object>> rows = new ArrayList<>();
        f.issues().forEach((rule, c) -> rows.add(row(names.contains(rule) ? names.label(rule) : rule, c.open(),
                c.closed())));
        rows.add(row("合计", open, closed));
        String text = open + closed == 0 ? f.year() + "年无问题数据。"
                : f.year() + "年问题数据" + (open + closed) + "条，已整改销号" + closed + "条，未销号" + open + "条，整改销号率"
                        + percent(closed, open + closed) + "。";
        return new Section("六、问题数据整改情况", List.of(text),
                List.of(new Table("按问题规则", List.of("问题规则", "未销号", "已销号"), rows)));
    }

    Section progress(TownshipFigures f, boolean completion) {
        Progress p = f.progress();
        String window = p.window().map(w -> (w.open() ? "已开通" : "已关闭") + "（" + Labels.name(Labels.WINDOW_REASONS,
                w.reason()) + "）").orElse("未开通");
        long households = Tables.sum(f.byCategory().values()).households();
        List<String> text = new ArrayList<>(List.of("系统功能：" + window + "。", "已录入" + f.year() + "年度收入和生产生活条件信息"
                + p.annualRecords() + "户，占现有扶贫对象" + households + "户的" + percent(p.annualRecords(), households) + "。"));
        if (completion && p.window().map(w -> !w.open()).orElse(true)) {
            text.add("本乡镇入户调整和信息采集工作已形成本报告，特申请开通系统功能。");
        }
        return new Section("七、工作进度", text, List.of());
    }

    Section villages(TownshipFigures f) {
        List<List<Object>> rows = new ArrayList<>();
        long[] total = new long[12];
        for (Village v : f.villages()) {
            long[] figures = { v.households().households(), v.households().persons(), v.identified(), v.exited(),
                v.returned(), v.cleared(), v.increases(), v.decreases(), v.monitoringObjects(), v.belowLine(),
                v.issues().open(), v.issues().closed() };
            Arrays.setAll(total, i -> total[i] + figures[i]);
            rows.add(line(v.name(), figures));
        }
        rows.add(line("合计", total));
        return new Section("八、分村情况", List.of("户数、人数为各村现有扶贫对象，其余为" + f.year() + "年度数据。"),
                List.of(new Table("分村统计", List.of("村", "户数", "人数", "新识别", "脱贫退出", "返贫", "清退", "成员增加",
                        "成员减少", "监测对象", "低于扶贫标准", "问题未销号", "问题已销号"), rows)));
    }

    private static List<Object> line(String name, long[] figures) {
        List<Object> line = new ArrayList<>();
        line.add(name);
        for (long figure : figures) {
            line.add(figure);
        }
        return line;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
