package cn.fupin.reporting.summary.document;

import static cn.fupin.reporting.summary.document.Tables.counted;
import static cn.fupin.reporting.summary.document.Tables.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import cn.fupin.reporting.summary.figures.TownshipFigures;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.reporting.export.Table;
import cn.fupin.reporting.summary.document.SummaryDocument.Section;
import cn.fupin.reporting.summary.figures.TownshipFigures.Count;
import cn.fupin.reporting.summary.figures.TownshipFigures.Income;
import cn.fupin.reporting.summary.figures.TownshipFigures.Monitoring;

/** Sections one to four: the households, the year's dynamic adjustment, incomes and monitoring objects. */
class PopulationSections {

    private final Codebook codebook;

    PopulationSections(Codebook codebook) {
        this.codebook = codebook;
    }

    Section households(TownshipFigures f) {
        Count all = Tables.sum(f.byCategory().values());
        Count registered = f.byCategory().getOrDefault("REGISTERED", Count.NONE);
        Count marginal = f.byCategory().getOrDefault("MARGINAL", Count.NONE);
        return new Section("一、扶贫对象基本情况", List.of("全乡镇现有扶贫对象" + Tables.text(all) + "，其中建档立卡户"
                + Tables.text(registered) + "，边缘易致贫户" + Tables.text(marginal) + "。"),
                List.of(counted("按户类别", "户类别", Labels.CATEGORIES, f.byCategory()),
                        counted("按户状态", "户状态", Labels.STATUSES, f.byStatus())));
    }

    Section adjustment(TownshipFigures f) {
        Map<String, Count> c = f.changes();
        long increases = Tables.total(f.increases());
        long decreases = Tables.total(f.decreases());
        return new Section("二、动态调整情况", List.of(f.year() + "年新识别贫困户" + Tables.text(c, "IDENTIFIED")
                + "，脱贫退出" + Tables.text(c, "EXITED") + "，返贫" + Tables.text(c, "RETURNED") + "，清退"
                + Tables.text(c, "CLEARED") + "，脱贫不享受政策户确认标注" + Tables.text(c, "CONFIRMED")
                + "；家庭成员自然增加" + increases + "人，自然减少" + decreases + "人。"),
                List.of(counted("动态调整", "调整类型", Labels.CHANGES, c),
                        reasons("家庭成员自然增加（表2）", "member_increase_reason", f.increases()),
                        reasons("家庭成员自然减少（表3）", "member_decrease_reason", f.decreases())));
    }

    Section income(TownshipFigures f) {
        Income i = f.income();
        String line = i.povertyLine().toPlainString();
        String monitoring = i.monitoringLine().toPlainString();
        List<List<Object>> averages = new ArrayList<>();
        Labels.CATEGORIES.forEach((code, name) -> averages.add(row(name, i.averageByCategory().get(code))));
        return new Section("三、收入情况", List.of(f.year() + "年已录入收入信息" + i.households() + "户。扶贫标准为人均纯收入"
                + line + "元，监测线为" + monitoring + "元；人均纯收入低于扶贫标准的" + Tables.text(i.belowLine())
                + "，介于扶贫标准与监测线之间的" + Tables.text(i.lineToMonitoring()) + "，达到监测线及以上的"
                + Tables.text(i.monitoringAndAbove()) + "。"),
                List.of(new Table("人均纯收入分段", List.of("分段", "户数", "人数"), List.of(
                        row("低于扶贫标准（" + line + "元以下）", i.belowLine().households(), i.belowLine().persons()),
                        row("扶贫标准至监测线（" + line + "–" + monitoring + "元）", i.lineToMonitoring().households(),
                                i.lineToMonitoring().persons()),
                        row("监测线及以上（" + monitoring + "元及以上）", i.monitoringAndAbove().households(),
                                i.monitoringAndAbove().persons()))),
                        new Table("平均人均纯收入", List.of("户类别", "平均人均纯收入（元）"), averages)));
    }

    Section monitoring(TownshipFigures f) {
        Monitoring m = f.monitoring();
        Map<String, Long> types = m.byType();
        return new Section("四、监测对象识别与帮扶", List.of(f.year() + "年监测对象" + m.objects() + "户，其中脱贫不稳定户"
                + types.getOrDefault("UNSTABLE_EXITED", 0L) + "户、边缘易致贫户" + types.getOrDefault("MARGINAL", 0L)
                + "户；已提出待审核" + m.byStatus().getOrDefault("PROPOSED", 0L) + "户，风险已消除" + m.eliminated()
                + "户，风险未消除" + m.notEliminated() + "户；已识别的监测对象中有帮扶措施的" + m.withAssistance() + "户。"),
                List.of(Tables.numbered("按类型", "类型", Labels.OBJECT_TYPES, types, "户数"),
                        Tables.numbered("按状态", "状态", Labels.OBJECT_STATUSES, m.byStatus(), "户数"),
                        Tables.numbered("按返贫（致贫）风险", "风险", codebook.list("A52_risk").options(), m.byRisk(),
                                "户数")));
    }

    private Table reasons(String title, String codeList, Map<String, Long> persons) {
        return Tables.numbered(title, "原因", codebook.list(codeList).options(), persons, "人数");
    }
}
