package cn.fupin.reporting.summary.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.fupin.reporting.summary.document.SummaryDocument;
import cn.fupin.reporting.export.Table;
import cn.fupin.reporting.summary.document.SummaryDocument.Section;

/**
 * The same report as a workbook (Apache POI's streaming SXSSF): a first sheet "报告" with the title, the facts,
 * every section's text and the signature lines, then one sheet per section with its tables, each under its caption,
 * the figures as numeric cells so they can be summed and checked.
 */
@Component
public class XlsxReport {

    private static final int TEXT_COLUMNS = 8;

    public byte[] render(SummaryDocument report) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            XlsxStyles styles = new XlsxStyles(workbook);
            Sheet text = workbook.createSheet("报告");
            text.setColumnWidth(0, 14 * 256);
            int r = line(text, 0, report.title(), styles.title(), 30);
            for (String fact : report.facts()) {
                r = line(text, r, fact, styles.text(), 18);
            }
            for (Section section : report.sections()) {
                r = section.heading().isEmpty() ? r + 1 : line(text, r + 1, section.heading(), styles.heading(), 22);
                for (String paragraph : section.paragraphs()) {
                    r = line(text, r, paragraph, styles.paragraph(), 18 * (1 + paragraph.length() / 45));
                }
            }
            r++;
            for (String signature : report.signature()) {
                r = line(text, r, signature, styles.text(), 24);
            }
            report.sections().stream().filter(section -> !section.tables().isEmpty())
                    .forEach(section -> tables(workbook.createSheet(section.heading()), section.tables(), styles));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One line of text across the text columns; returns the next row. */
    private static int line(Sheet sheet, int r, String value, CellStyle style, float height) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(height);
        row.createCell(0).setCellValue(value);
        row.getCell(0).setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, TEXT_COLUMNS - 1));
        return r + 1;
    }

    private static void tables(Sheet sheet, List<Table> tables, XlsxStyles styles) {
        sheet.setColumnWidth(0, 30 * 256);
        for (int c = 1; c < 13; c++) {
            sheet.setColumnWidth(c, 12 * 256);
        }
        int r = 0;
        for (Table table : tables) {
            Row caption = sheet.createRow(r++);
            caption.createCell(0).setCellValue(table.title());
            caption.getCell(0).setCellStyle(styles.heading());
            Row header = sheet.createRow(r++);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c));
                header.getCell(c).setCellStyle(styles.header());
            }
            for (List<Object> cells : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    Object cell = cells.get(c);
                    if (cell instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                        row.getCell(c).setCellStyle(cell instanceof BigDecimal ? styles.money()
                                : styles.number());
                    }
                    else {
                        row.createCell(c).setCellValue(cell == null ? "" : cell.toString());
                        row.getCell(c).setCellStyle(styles.cell());
                    }
                }
            }
            r++;
        }
    }
}
