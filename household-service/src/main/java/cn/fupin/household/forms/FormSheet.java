package cn.fupin.household.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.fupin.platform.pdf.PrintedForm;

/**
 * A printed form as an Excel sheet, written top to bottom: a centred title, lines of text across the form, bordered
 * tables; A4 landscape, one page wide.
 */
final class FormSheet {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Sheet sheet;
    private final int lastColumn;
    private final CellStyle title;
    private final CellStyle section;
    private final CellStyle text;
    private final CellStyle header;
    private final CellStyle cell;
    private int next;

    private FormSheet(String name, int columns) {
        sheet = workbook.createSheet(name);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        lastColumn = columns - 1;
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        Font bold = workbook.createFont();
        bold.setBold(true);
        title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        section = workbook.createCellStyle();
        section.setFont(bold);
        text = workbook.createCellStyle();
        header = bordered();
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        cell = bordered();
        cell.setWrapText(true);
    }

    static byte[] write(PrintedForm form) {
        FormSheet sheet = new FormSheet(form.name(), form.columns());
        try (XSSFWorkbook workbook = sheet.workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (PrintedForm.Block block : form.blocks()) {
                switch (block) {
                    case PrintedForm.Title title -> sheet.merged(title.text(), sheet.title);
                    case PrintedForm.Section section -> sheet.merged(section.text(), sheet.section);
                    case PrintedForm.Text text -> sheet.merged(text.text(), sheet.text);
                    case PrintedForm.Header header -> sheet.row(header.cells(), sheet.header);
                    case PrintedForm.Row row -> sheet.row(row.cells(), sheet.cell);
                    case PrintedForm.Skip skip -> sheet.next++;
                    case PrintedForm.Signatures signatures -> sheet.merged(signatures.places().stream()
                            .map(place -> place.label() + "：" + (place.value() == null ? "                    "
                                    : place.value() + "            "))
                            .collect(Collectors.joining()), sheet.text);
                }
            }
            int[] widths = form.widths();
            for (int column = 0; column < widths.length; column++) {
                sheet.sheet.setColumnWidth(column, widths[column] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void merged(String value, CellStyle style) {
        Row row = sheet.createRow(next);
        row.createCell(0).setCellValue(value);
        row.getCell(0).setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(next, next, 0, lastColumn));
        next++;
    }

    private void row(List<String> values, CellStyle style) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
            row.getCell(i).setCellStyle(style);
        }
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
