package cn.fupin.reporting.summary.document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.fupin.reporting.summary.figures.TownshipFigures;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.reporting.model.TownshipSummaryKind;

/**
 * Writes a township's figures as its written report, in the words of the 2020 work plan (扶贫对象动态管理和信息采集
 * 工作方案): the completion report each township sends by the end of the "written report and function opening"
 * phase (10-27 in 2020), or the work summary it sends by the end of the "summary" phase (12-31). Both state the
 * same figures; the deadline is the published plan's, so later years follow their own plan.
 */
@Component
public class SummaryComposer {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PopulationSections population;
    private final WorkSections work;

    public SummaryComposer(Codebook codebook) {
        this.population = new PopulationSections(codebook);
        this.work = new WorkSections(codebook);
    }

    public SummaryDocument compose(TownshipFigures figures, TownshipSummaryKind kind) {
        boolean completion = kind == TownshipSummaryKind.COMPLETION;
        String name = completion ? "工作完成情况报告" : "工作总结";
        String title = figures.townshipName() + figures.year() + "年扶贫对象动态管理和信息采集" + name;
        return new SummaryDocument(title, figures.townshipName() + figures.year() + "年" + name,
                List.of("乡镇：" + figures.townshipName() + "（" + figures.townshipCode() + "）",
                        "年度：" + figures.year() + "年", "报告类型：" + (completion ? "书面完成情况报告（申请开通系统功能）"
                                : "年度书面工作总结"),
                        "生成日期：" + DATE.format(figures.generatedOn())),
                List.of(new SummaryDocument.Section("", List.of(introduction(figures, completion)), List.of()),
                        population.households(figures), population.adjustment(figures), population.income(figures),
                        population.monitoring(figures), work.reviews(figures), work.issues(figures),
                        work.progress(figures, completion), work.villages(figures)),
                List.of("乡镇（盖章）：", "主要负责人（签字）：", "经办人（签字）：", "报送日期：        年    月    日"));
    }

    private static String introduction(TownshipFigures figures, boolean completion) {
        String by = deadline(figures, completion ? "REPORT_AND_FUNCTION_OPENING" : "SUMMARY");
        String ask = completion
                ? "各乡镇完成入户动态调整和信息采集后，应于" + by + "书面报告完成情况，并向市扶贫办申请开通系统功能；"
                        + "新识别、返贫和新增监测对象户须逐户说明，报市扶贫办复核备案。"
                : "各乡镇应于" + by + "形成书面工作总结。本年度动态调整、信息采集、监测对象识别与帮扶、问题数据整改等工作情况如下。";
        return "根据扶贫对象动态管理和信息采集工作方案，" + ask + "本报告由系统依据截至生成日期的数据生成，户数、人数为现有扶贫对象，"
                + "其余数字为" + figures.year() + "年度数据，经乡镇核对、签章后报送。";
    }

    private static String deadline(TownshipFigures figures, String phase) {
        LocalDate end = figures.progress().phaseEnds().get(phase);
        return end == null ? "工作方案规定的期限前" : DATE.format(end) + "前";
    }
}
