package cn.fupin.household.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;

/**
 * Blank workbooks of forms 1–4 for clerks to fill in Excel: the form's title and the village it is for, the header
 * row with the indicator codes, drop-down lists of the codebook's Chinese labels on every coded column (a sheet of
 * its own, hidden, holds the lists), ID numbers kept as text, and a sheet 填表说明 with the form's notes and every
 * column's codes. A filled template is what {@code POST /imports/forms/{form}} reads.
 */
@Component
public class FormTemplates {

    /** Rows below the header prepared for entry (drop-downs and text format). */
    static final int ENTRY_ROWS = 1000;
    /** The header's row, 0-based: under the title and the village's line. */
    static final int HEADER_ROW = 2;

    private final Codebook codebook;

    FormTemplates(Codebook codebook) {
        this.codebook = codebook;
    }

    /**
     * The blank form.
     *
     * @param village the village's name and code for the line under the title; null for a form of any village
     */
    public byte[] blank(FormLayout form, String village) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(form.sheet());
            Sheet lists = workbook.createSheet("代码表");
            Sheet notes = workbook.createSheet("填表说明");
            List<FormLayout.Column> columns = form.columns();
            int last = columns.size() - 1;

            Row title = sheet.createRow(0);
            title.setHeightInPoints(28);
            title.createCell(0).setCellValue(form.annex() + "  " + form.title());
            title.getCell(0).setCellStyle(titleStyle(workbook));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            Row place = sheet.createRow(1);
            place.createCell(0).setCellValue("填报村：" + (village == null ? "" : village)
                    + "            填表人：              联系电话：              填表日期：      年    月    日");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));

            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints(45);
            CellStyle required = headerStyle(workbook, IndexedColors.LIGHT_YELLOW);
            CellStyle optional = headerStyle(workbook, IndexedColors.GREY_25_PERCENT);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int i = 0; i < columns.size(); i++) {
                FormLayout.Column column = columns.get(i);
                header.createCell(i).setCellValue(column.header());
                header.getCell(i).setCellStyle(column.required() ? required : optional);
                sheet.setColumnWidth(i, column.width() * 256 + 512);
                // ID numbers, dates and phone numbers as typed: an 18-digit number would lose its last digits
                sheet.setDefaultColumnStyle(i, text);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);

            Set<String> listNames = new LinkedHashSet<>();
            columns.stream().map(FormLayout.Column::list).filter(list -> list != null).forEach(listNames::add);
            int listColumn = 0;
            for (String list : listNames) {
                writeList(workbook, lists, listColumn++, list);
            }
            workbook.setSheetVisibility(workbook.getSheetIndex(lists), SheetVisibility.VERY_HIDDEN);
            DataValidationHelper validations = sheet.getDataValidationHelper();
            for (int i = 0; i < columns.size(); i++) {
                FormLayout.Column column = columns.get(i);
                if (column.list() == null) {
                    continue;
                }
                DataValidation validation = validations.createValidation(
                        validations.createFormulaListConstraint(rangeName(column.list())),
                        new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + ENTRY_ROWS, i, i));
                boolean multi = codebook.list(column.list()).multi();
                // a multi-valued indicator (A10) takes several names, 、-separated: the list is a help, not a lock
                validation.setShowErrorBox(!multi);
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                validation.createErrorBox(column.header(), "请从下拉列表中选择" + column.label());
                sheet.addValidationData(validation);
            }
            writeNotes(workbook, notes, form);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeList(XSSFWorkbook workbook, Sheet lists, int column, String list) {
        List<String> labels = new ArrayList<>(codebook.list(list).options().values());
        for (int row = 0; row < labels.size(); row++) {
            Row line = lists.getRow(row) == null ? lists.createRow(row) : lists.getRow(row);
            line.createCell(column).setCellValue(labels.get(row));
        }
        Name name = workbook.createName();
        name.setNameName(rangeName(list));
        String letter = CellReference.convertNumToColString(column);
        name.setRefersToFormula(new AreaReference("'代码表'!$" + letter + "$1:$" + letter + "$" + labels.size(),
                SpreadsheetVersion.EXCEL2007).formatAsString());
    }

    private void writeNotes(XSSFWorkbook workbook, Sheet notes, FormLayout form) {
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        CellStyle bold = headerStyle(workbook, IndexedColors.GREY_25_PERCENT);
        notes.setColumnWidth(0, 30 * 256);
        notes.setColumnWidth(1, 8 * 256);
        notes.setColumnWidth(2, 90 * 256);
        notes.createRow(0).createCell(0).setCellValue(form.annex() + "  " + form.title() + "  填表说明");
        notes.createRow(1).createCell(0).setCellValue(form.note());
        notes.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
        notes.getRow(1).getCell(0).setCellStyle(wrap);
        notes.getRow(1).setHeightInPoints(48);
        Row header = notes.createRow(3);
        String[] titles = { "列", "必填", "填写说明（代码 名称）" };
        for (int i = 0; i < titles.length; i++) {
            header.createCell(i).setCellValue(titles[i]);
            header.getCell(i).setCellStyle(bold);
        }
        int row = 4;
        for (FormLayout.Column column : form.columns()) {
            Row line = notes.createRow(row++);
            line.createCell(0).setCellValue(column.header());
            line.createCell(1).setCellValue(column.required() ? "是" : "");
            line.createCell(2).setCellValue(explanation(column));
            line.getCell(2).setCellStyle(wrap);
        }
    }

    private String explanation(FormLayout.Column column) {
        if (column.list() != null) {
            Codebook.CodeList list = codebook.list(column.list());
            List<String> options = new ArrayList<>();
            list.options().forEach((code, label) -> options.add(code + " " + label));
            return (list.multi() ? "可填多项，用“、”分隔；" : "从下拉列表选择，也可填代码；") + String.join("；", options);
        }
        return switch (column.field()) {
            case FormLayout.HOUSEHOLD_KEY -> "本表内区分各户的序号（1、2、3…），同一户的成员行相同";
            case "birthDate", "appliedOn", "date" -> "日期，如 2020-07-15 或 2020年7月15日";
            case "idNumber", "headIdNumber", "memberIdNumber" -> "18 位公民身份号码（末位可为 X）或其他证件号码，按文本填写";
            case "workMonths" -> "0–12 的整数";
            default -> "";
        };
    }

    static String rangeName(String list) {
        return "L_" + list;
    }

    private static CellStyle titleStyle(XSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 16);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook, IndexedColors fill) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
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
