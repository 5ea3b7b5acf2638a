package cn.fupin.household.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.synthetic.SyntheticRegistry;

/**
 * Export files as counties have them, for the import's tests: hand-made rows under a header of other spellings,
 * generated rows as CSV in any charset, or as a clerk's workbook.
 */
final class ExportFiles {

    private ExportFiles() {
    }

    static final List<String> HEADERS = List.of("县", "乡（镇）", "村", "户编号", "贫困户状态", "识别年度", "脱贫年度",
            "与户主关系", "姓名", "身份证号码", "性别", "出生日期", "返贫年度");

    static List<String> person(String number, String township, String village, String status,
            String identified, String exited, String relation, String name, String idNumber, String gender,
            String birthDate) {
        return person(number, township, village, status, identified, exited, relation, name, idNumber, gender,
                birthDate, "");
    }

    static List<String> person(String number, String township, String village, String status,
            String identified, String exited, String relation, String name, String idNumber, String gender,
            String birthDate, String returned) {
        return List.of(township.isEmpty() ? "" : "永安市", township, village, number, status, identified, exited,
                relation, name, idNumber, gender, birthDate, returned);
    }

    /** A man's ID number whose check character is X. */
    static String endingInX(LocalDate birthDate) {
        for (int sequence = 1; ; sequence += 2) {
            String id = ResidentId.of("350481", birthDate, sequence).value();
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(Character.isDigit(c) ? (char) (c - '0' + '０') : (char) c));
        return wide.toString();
    }

    static byte[] csv(Charset charset, List<String> headers, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, charset)) {
            SyntheticRegistry.line(out, headers);
            for (List<String> row : rows) {
                SyntheticRegistry.line(out, row);
            }
        }
        return bytes.toByteArray();
    }

    private static void merge(Sheet sheet, Set<Integer> columns, int first, int last) {
        if (last > first) {
            columns.forEach(c -> sheet.addMergedRegion(new CellRangeAddress(first, last, c, c)));
        }
    }

    /**
     * The rows as a clerk's workbook: a merged title above the header, each household's own columns merged down its
     * rows (only the first holds the value), birth dates as Excel dates.
     */
    static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("全县全字段");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            sheet.createRow(0).createCell(0).setCellValue("永安市扶贫对象全县全字段导出");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            Row header = sheet.createRow(1);
            for (int c = 0; c < SyntheticRegistry.HEADERS.size(); c++) {
                header.createCell(c).setCellValue(SyntheticRegistry.HEADERS.get(c));
            }
            Set<Integer> householdColumns = Set.of(0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12);
            String previous = null;
            int householdStart = 2;
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r);
                Row row = sheet.createRow(r + 2);
                boolean continues = cells.get(4).equals(previous);
                if (!continues) {
                    merge(sheet, householdColumns, householdStart, r + 1);
                    householdStart = r + 2;
                }
                for (int c = 0; c < cells.size(); c++) {
                    if (continues && householdColumns.contains(c)) {
                        continue;
                    }
                    if (c == 17) {
                        row.createCell(c).setCellValue(LocalDate.parse(cells.get(c)));
                        row.getCell(c).setCellStyle(date);
                    }
                    else {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
                previous = cells.get(4);
            }
            merge(sheet, householdColumns, householdStart, rows.size() + 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }
}
