package cn.fupin.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.reporting.model.TownshipSummaryKind;
import cn.fupin.reporting.export.Table;
import cn.fupin.reporting.summary.document.SummaryComposer;
import cn.fupin.reporting.summary.document.SummaryDocument;
import cn.fupin.reporting.summary.pdf.PdfReport;
import cn.fupin.reporting.summary.xlsx.XlsxReport;

/** The written report from known figures: its words, its PDF (embedded Chinese font, pages) and its workbook. */
class SummaryRenderingTests {

    final Codebook codebook = Codebook.forYear(2020);
    final SummaryComposer composer = new SummaryComposer(codebook);
    final PdfReport pdf = new PdfReport();

    @Test
    void theCompletionReportStatesTheFiguresInTheWorkPlansWords() {
        SummaryDocument report = composer.compose(SampleFigures.luofang(), TownshipSummaryKind.COMPLETION);

        assertThat(report.title()).isEqualTo("罗坊乡2020年扶贫对象动态管理和信息采集工作完成情况报告");
        assertThat(report.fileName()).isEqualTo("罗坊乡2020年工作完成情况报告");
        assertThat(report.facts()).contains("乡镇：罗坊乡（350481201）", "生成日期：2020年10月26日");
        assertThat(String.join("\n", paragraphs(report))).contains("应于2020年10月27日前书面报告完成情况")
                .contains("全乡镇现有扶贫对象3户9人，其中建档立卡户2户7人，边缘易致贫户1户2人。")
                .contains("2020年新识别贫困户1户4人，脱贫退出1户2人，返贫0户0人")
                .contains("人均纯收入低于扶贫标准的1户5人")
                .contains("问题数据2条，已整改销号1条，未销号1条，整改销号率50.0%")
                .contains("系统功能：已开通（申请获批）").contains("占现有扶贫对象3户的100.0%");
    }

    @Test
    void theSummaryCitesTheSummaryDeadlineAndAsksForNothing() {
        SummaryDocument report = composer.compose(SampleFigures.luofang(), TownshipSummaryKind.SUMMARY);

        assertThat(report.title()).isEqualTo("罗坊乡2020年扶贫对象动态管理和信息采集工作总结");
        assertThat(String.join("\n", paragraphs(report))).contains("应于2020年12月31日前形成书面工作总结")
                .doesNotContain("申请开通系统功能");
    }

    @Test
    void thePdfEmbedsASubsetOfTheChineseFontAndReadsBackAsTheReport() throws Exception {
        byte[] bytes = pdf.render(composer.compose(SampleFigures.luofang(), TownshipSummaryKind.COMPLETION));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("罗坊乡2020年扶贫对象动态管理和信息采集工作完成情况报告", "一、扶贫对象基本情况",
                    "八、分村情况", "吉坑村", "户主人数不为一", "乡镇（盖章）：", "第1页共" + document.getNumberOfPages() + "页");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
                    assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
                            .isNotNull();
                }
            }
        }
        assertThat(bytes.length).isLessThan(200_000);
    }

    @Test
    void aLongTableRunsOntoTheNextPagesUnderItsHeaderRepeated() throws Exception {
        byte[] bytes = pdf.render(composer.compose(SampleFigures.luofang(90), TownshipSummaryKind.SUMMARY));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            int first = pageWith(document, "八、分村情况");
            int last = pageWith(document, "第90村");
            assertThat(last).isGreaterThan(first);
            assertThat(page(document, last)).contains("低于扶贫标准", "问题已销号", "第 " + last + " 页");
        }
    }

    @Test
    void aCharacterTheFontLacksIsShownAsAQuestionMarkInsteadOfFailing() throws Exception {
        String extensionB = "\uD840\uDC87"; // U+20087, in the font and outside the 16-bit range
        SummaryDocument report = new SummaryDocument("标题", "标题", List.of("规则：\uE000导入"), List.of(
                new SummaryDocument.Section("一、测试", List.of(extensionB.repeat(80) + "\uD842\uDFB7"),
                        List.of(new Table("表", List.of("规则", "数"), List.of(List.of("\uE001规则", 1L)))))),
                List.of());

        try (PDDocument document = Loader.loadPDF(pdf.render(report))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("规则：?导入", "?规则", extensionB.repeat(20));
            assertThat(text.replaceAll("\\s+", "")).contains(extensionB.repeat(80) + "?");
        }
    }

    @Test
    void theWorkbookHasTheTextSheetAndOneSheetPerSectionWithNumericFigures() throws Exception {
        byte[] bytes = new XlsxReport().render(composer.compose(SampleFigures.luofang(), TownshipSummaryKind.SUMMARY));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("报告");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("罗坊乡2020年扶贫对象动态管理和信息采集工作总结");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(8);
            Sheet villages = workbook.getSheet("八、分村情况");
            assertThat(villages.getRow(1).getCell(12).getStringCellValue()).isEqualTo("问题已销号");
            assertThat(villages.getRow(3).getCell(0).getStringCellValue()).isEqualTo("吉坑村");
            assertThat(villages.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(villages.getRow(4).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(villages.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(9);
        }
    }

    private static int pageWith(PDDocument document, String text) throws java.io.IOException {
        for (int number = 1; number <= document.getNumberOfPages(); number++) {
            if (page(document, number).contains(text)) {
                return number;
            }
        }
        throw new AssertionError(text + " is on no page");
    }

    private static String page(PDDocument document, int number) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(document);
    }

    private static List<String> paragraphs(SummaryDocument report) {
        List<String> all = new ArrayList<>();
        report.sections().forEach(section -> all.addAll(section.paragraphs()));
        return all;
    }
}
