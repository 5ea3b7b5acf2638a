package cn.fupin.reporting.summary.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The report's cell styles, made once per workbook (a workbook holds a limited number of styles). */
final class XlsxStyles {

    private static final String FONT = "宋体";

    private final CellStyle title;
    private final CellStyle heading;
    private final CellStyle text;
    private final CellStyle paragraph;
    private final CellStyle header;
    private final CellStyle cell;
    private final CellStyle number;
    private final CellStyle money;

    XlsxStyles(Workbook workbook) {
        title = style(workbook, font(workbook, 16, true));
        title.setAlignment(HorizontalAlignment.CENTER);
        heading = style(workbook, font(workbook, 12, true));
        text = style(workbook, font(workbook, 11, false));
        paragraph = style(workbook, font(workbook, 11, false));
        paragraph.setWrapText(true);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
        header = framed(workbook, font(workbook, 10, true));
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font plain = font(workbook, 10, false);
        cell = framed(workbook, plain);
        number = framed(workbook, plain);
        number.setDataFormat(workbook.createDataFormat().getFormat("0"));
        money = framed(workbook, plain);
        money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
    }

    CellStyle title() {
        return title;
    }

    CellStyle heading() {
        return heading;
    }

    CellStyle text() {
        return text;
    }

    CellStyle paragraph() {
        return paragraph;
    }

    CellStyle header() {
        return header;
    }

    CellStyle cell() {
        return cell;
    }

    CellStyle number() {
        return number;
    }

    CellStyle money() {
        return money;
    }

    private static Font font(Workbook workbook, int points, boolean bold) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        return font;
    }

    private static CellStyle style(Workbook workbook, Font font) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static CellStyle framed(Workbook workbook, Font font) {
        CellStyle style = style(workbook, font);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }
}
