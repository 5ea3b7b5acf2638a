package cn.fupin.reporting.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a report as an Excel workbook, one sheet per table, Chinese column names in bold, numbers as numbers.
 * Apache POI's streaming workbook keeps only a window of rows in memory, so large areas stream too.
 */
public class XlsxReportConverter extends AbstractHttpMessageConverter<Object> {

    public static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Amounts travel as decimal strings ("4000.00"); in a sheet they are numbers. Codes stay text. */
    private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile("-?\\d+\\.\\d+");

    public XlsxReportConverter() {
        super(XLSX);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return ReportTables.supports(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("reports are not read from XLSX", input);
    }

    @Override
    protected void writeInternal(Object report, HttpOutputMessage output) throws java.io.IOException {
        output.getHeaders().setContentDisposition(ContentDisposition.attachment()
                .filename(ReportTables.fileName(report) + ".xlsx", StandardCharsets.UTF_8).build());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            for (Table table : ReportTables.of(report)) {
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
