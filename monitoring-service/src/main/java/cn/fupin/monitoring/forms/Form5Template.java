package cn.fupin.monitoring.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;

/**
 * The blank 表 5: title and village, the header (required columns yellow), the risks' drop-down of the codebook's
 * Chinese labels (from a hidden sheet), ID numbers as text, and a sheet 填表说明 with the note and every risk code.
 */
@Component
public class Form5Template {

    static final int ENTRY_ROWS = 500;
    private static final String RISKS = "L_A52_risk";

    private final Codebook codebook;

    Form5Template(Codebook codebook) {
        this.codebook = codebook;
    }

    /** @param village the village's name and code for the line under the title; null for any village */
    public byte[] blank(String village) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(Form5.SHEET);
            Sheet lists = workbook.createSheet("代码表");
            Sheet notes = workbook.createSheet("填表说明");
            int last = Form5.COLUMNS.size() - 1;
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            CellStyle title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            sheet.createRow(0).createCell(0).setCellValue(Form5.TITLE);
            sheet.getRow(0).getCell(0).setCellStyle(title);
            sheet.getRow(0).setHeightInPoints(28);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            sheet.createRow(1).createCell(0).setCellValue("填报村：" + (village == null ? "" : village)
                    + "        填表人：            联系电话：            村负责人签名：            填表日期：    年  月  日");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            Row header = sheet.createRow(Form5.HEADER_ROW);
            header.setHeightInPoints(32);
            CellStyle required = header(workbook, IndexedColors.LIGHT_YELLOW);
            CellStyle optional = header(workbook, IndexedColors.GREY_25_PERCENT);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int i = 0; i <= last; i++) {
                Form5.Column column = Form5.COLUMNS.get(i);
                header.createCell(i).setCellValue(column.header());
                header.getCell(i).setCellStyle(column.required() ? required : optional);
                sheet.setColumnWidth(i, column.width() * 256 + 512);
                sheet.setDefaultColumnStyle(i, text);
            }
            sheet.createFreezePane(0, Form5.HEADER_ROW + 1);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);

            List<String> labels = new ArrayList<>(codebook.list("A52_risk").options().values());
            for (int row = 0; row < labels.size(); row++) {
                lists.createRow(row).createCell(0).setCellValue(labels.get(row));
            }
            Name risks = workbook.createName();
            risks.setNameName(RISKS);
            risks.setRefersToFormula(new AreaReference("'代码表'!$A$1:$A$" + labels.size(),
                    SpreadsheetVersion.EXCEL2007).formatAsString());
            workbook.setSheetVisibility(workbook.getSheetIndex(lists), SheetVisibility.VERY_HIDDEN);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            for (int i = 0; i <= last; i++) {
                if (Form5.COLUMNS.get(i).list() != null) {
                    DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(RISKS),
                            new CellRangeAddressList(Form5.HEADER_ROW + 1, Form5.HEADER_ROW + ENTRY_ROWS, i, i));
                    validation.setShowErrorBox(true);
                    validation.createErrorBox(Form5.COLUMNS.get(i).header(), "请从下拉列表中选择返贫致贫风险");
                    sheet.addValidationData(validation);
                }
            }

            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            notes.setColumnWidth(0, 24 * 256);
            notes.setColumnWidth(1, 80 * 256);
            notes.createRow(0).createCell(0).setCellValue(Form5.TITLE + "  填表说明");
            notes.createRow(1).createCell(0).setCellValue(Form5.NOTE);
            notes.getRow(1).getCell(0).setCellStyle(wrap);
            notes.getRow(1).setHeightInPoints(48);
            notes.addMergedRegion(new CellRangeAddress(1, 1, 0, 1));
            int row = 3;
            for (Form5.Column column : Form5.COLUMNS) {
                Row line = notes.createRow(row++);
                line.createCell(0).setCellValue(column.header() + (column.required() ? "（必填）" : ""));
                List<String> options = new ArrayList<>();
                if (column.list() != null) {
                    codebook.list(column.list()).options().forEach((code, label) -> options.add(code + " " + label));
                }
                line.createCell(1).setCellValue(column.list() != null ? String.join("；", options)
                        : column.field().equals("headIdNumber") ? "18 位公民身份号码（末位可为 X），按文本填写"
                        : column.field().equals("appliedOn") ? "日期，如 2020-07-15；缺省为导入当天" : "");
                line.getCell(1).setCellStyle(wrap);
            }
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static CellStyle header(XSSFWorkbook workbook, IndexedColors fill) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setFillForegroundColor(fill.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
