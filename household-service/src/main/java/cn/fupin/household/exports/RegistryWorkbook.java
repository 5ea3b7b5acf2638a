package cn.fupin.household.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook in the national registry's layout, written row by row with POI's streaming writer (a hundred rows in
 * memory, the rest on disk): a county's export never lies whole in memory. Each sheet starts with the header row.
 */
final class RegistryWorkbook implements AutoCloseable {

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final CellStyle bold;
    private SXSSFSheet sheet;
    private int next;

    RegistryWorkbook() {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
    }

    /** A new sheet under the registry's headers and the sheet's own. */
    void sheet(String name, List<String> extraColumns) {
        sheet = workbook.createSheet(name);
        next = 0;
        Row header = sheet.createRow(next++);
        int column = 0;
        for (String title : NationalLayout.HEADERS) {
            header.createCell(column++).setCellValue(title);
        }
        for (String title : extraColumns) {
            header.createCell(column++).setCellValue(title);
        }
        header.forEach(cell -> cell.setCellStyle(bold));
        sheet.createFreezePane(0, 1);
    }

    void row(List<String> cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
