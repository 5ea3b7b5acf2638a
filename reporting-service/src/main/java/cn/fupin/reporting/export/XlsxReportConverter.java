package cn.fupin.reporting.export;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

/**
 * Writes a report as an Excel workbook, one sheet per table, Chinese column names in bold, numbers as numbers.
 * Apache POI's streaming workbook keeps only a window of rows in memory, so large areas stream too.
 */
public class XlsxReportConverter extends ReportWriter {

    public static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Amounts travel as decimal strings ("4000.00"); in a sheet they are numbers. Codes stay text. */
    private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile("-?\\d+\\.\\d+");

    public XlsxReportConverter() {
        super("xlsx", XLSX);
    }

    @Override
    void write(Iterable<Table> tables, HttpOutputMessage output) throws java.io.IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(table.title());
                Row columns = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    columns.createCell(c).setCellValue(table.columns().get(c));
                    columns.getCell(c).setCellStyle(header);
                }
                int r = 1;
                for (List<Object> row : table.rows()) {
                    Row line = sheet.createRow(r++);
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        if (cell instanceof Number number) {
                            line.createCell(c).setCellValue(number.doubleValue());
                        }
                        else if (cell instanceof String text && MONEY.matcher(text).matches()) {
                            line.createCell(c).setCellValue(Double.parseDouble(text));
                        }
                        else if (cell != null) {
                            line.createCell(c).setCellValue(cell.toString());
                        }
                    }
                }
            }
            workbook.write(output.getBody());
        }
    }
}
