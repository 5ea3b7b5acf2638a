package cn.fupin.monitoring.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import cn.fupin.contracts.codebook.Codebook;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a filled 表 5 (a workbook's first sheet, or the equivalent CSV in UTF-8 or GBK; a village's list, small
 * enough to read whole): finds the header row under
 * the title by its headers (with or without the indicator: 户主证件号码 or A4 户主证件号码), then one household per
 * row — the head's ID number as typed (full-width digits, a lower-case x), risks by code or Chinese label, the date
 * in any usual spelling or as an Excel date. A cell that cannot be read is reported on its row and column; the rest
 * of the row is still read.
 */
final class Form5Rows {

    private static final int HEADER_SEARCH = 10;
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\D+(\\d{1,2})\\D+(\\d{1,2})\\D*");
    /** GB 18030 decodes every GBK file (Excel's CSV on Chinese Windows) and more. */
    private static final Charset GBK = Charset.forName("GB18030");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    /** A row as read: what it asks for, and what could not be read. */
    record Line(int row, String headName, String headIdNumber, List<String> risks, LocalDate appliedOn, String note,
            List<Problem> problems) {
    }

    /** A cell (or row) that cannot be taken, located as a clerk finds it. */
    record Problem(int row, String column, String cell, String indicator, String message) {
    }

    /** The file is not a 表 5: no header row, a required column missing, too many rows, not a workbook. */
    static final class NotForm5Exception extends RuntimeException {

        NotForm5Exception(String message) {
            super(message);
        }
    }

    private final Map<String, String> risks = new HashMap<>();
    private final int maxRows;
    private String sheet = "";
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();

    Form5Rows(Codebook codebook, int maxRows) {
        codebook.list("A52_risk").options().forEach((code, label) -> {
            risks.put(text(code), code);
            risks.put(text(label), code);
        });
        this.maxRows = maxRows;
    }

    String sheet() {
        return sheet;
    }

    /** The rows of an XLSX or XLS workbook's first sheet, or of a CSV file (UTF-8 or GBK), then read as 表 5. */
    List<Line> read(byte[] file) {
        List<Line> lines = new ArrayList<>();
        boolean found = false;
        for (Cells row : workbook(file) ? sheet(file) : csv(file)) {
            if (!found) {
                if (row.number() > HEADER_SEARCH) {
                    break;
                }
                found = header(row.cells());
                continue;
            }
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (lines.size() >= maxRows) {
                throw new NotForm5Exception("表 5 超过 " + maxRows + " 行的上限：请按村分开导入");
            }
            lines.add(line(row.number(), row.cells()));
        }
        if (!found) {
            throw new NotForm5Exception("前 " + HEADER_SEARCH + " 行中没有表 5 的表头行（须含“户主证件号码”）："
                    + "请使用 GET /api/v1/monitoring-objects/form5/template.xlsx 的表格");
        }
        return lines;
    }

    /** A row's cells as text, with its number as a spreadsheet shows it. */
    private record Cells(int number, List<String> cells) {
    }

    /** An XLSX (a ZIP archive) or an XLS (an OLE2 file) by its first bytes, whatever it was called. */
    private static boolean workbook(byte[] file) {
        return file.length >= 4 && (file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4
                || (file[0] & 0xFF) == 0xD0 && (file[1] & 0xFF) == 0xCF && (file[2] & 0xFF) == 0x11
                        && (file[3] & 0xFF) == 0xE0);
    }

    private List<Cells> sheet(byte[] file) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet first = workbook.getSheetAt(0);
            sheet = first.getSheetName();
            DataFormatter formatter = new DataFormatter();
            List<Cells> rows = new ArrayList<>();
            for (Row row : first) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(cell(row.getCell(c), formatter));
                }
                rows.add(new Cells(row.getRowNum() + 1, cells));
            }
            return rows;
        }
        catch (IOException | RuntimeException ex) {
            throw new NotForm5Exception("无法读取上传的工作簿（须为 XLSX、XLS 或 CSV）");
        }
    }

    private static List<Cells> csv(byte[] file) {
        String text = utf8(file) ? new String(file, StandardCharsets.UTF_8) : new String(file, GBK);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Cells> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class).readValues(text)) {
            int number = 0;
            while (records.hasNextValue()) {
                rows.add(new Cells(++number, List.of(records.nextValue())));
            }
        }
        catch (JacksonException ex) {
            throw new NotForm5Exception("不是有效的 CSV 文件：" + ex.getOriginalMessage());
        }
        return rows;
    }

    private static boolean utf8(byte[] file) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }

    /** Where a rule's complaint about a row stands: in the field's column, the head's ID number for the row. */
    Problem locate(int row, String field, String message) {
        String column = switch (field.replaceAll("\\[.*", "")) {
            case "risks" -> "risk" + (field.contains("[1]") ? "2" : field.contains("[2]") ? "3" : "1");
            case "appliedOn" -> "appliedOn";
            default -> "headIdNumber";
        };
        return problem(row, column, message);
    }

    private boolean header(List<String> cells) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String header = text(cells.get(i)).replaceAll("\\s+", "");
            for (Form5.Column column : Form5.COLUMNS) {
                if (!header.isEmpty() && (header.equals(text(column.header()).replaceAll("\\s+", ""))
                        || header.equals(text(column.label()).replaceAll("\\s+", "")))) {
                    found.putIfAbsent(column.field(), i);
                    headers.putIfAbsent(column.field(), cells.get(i).strip());
                }
            }
        }
        if (!found.containsKey("headIdNumber")) {
            headers.clear();
            return false;
        }
        List<String> missing = Form5.COLUMNS.stream().filter(Form5.Column::required)
                .filter(column -> !found.containsKey(column.field())).map(Form5.Column::header).toList();
        if (!missing.isEmpty()) {
            throw new NotForm5Exception("表 5 缺少必填的列：" + String.join("、", missing));
        }
        indexOf.putAll(found);
        return true;
    }

    private Line line(int row, List<String> cells) {
        List<Problem> problems = new ArrayList<>();
        String idNumber = text(value(cells, "headIdNumber")).replaceAll("\\s+", "");
        if (idNumber.isEmpty()) {
            problems.add(problem(row, "headIdNumber", "必填"));
        }
        List<String> codes = new ArrayList<>();
        for (String field : List.of("risk1", "risk2", "risk3")) {
            String cell = value(cells, field);
            if (cell.isBlank()) {
                if (field.equals("risk1")) {
                    problems.add(problem(row, field, "必填：脱贫不稳定户须至少有一项返贫致贫风险"));
                }
                continue;
            }
            String code = risks.get(text(cell));
            if (code == null && text(cell).matches("\\d")) {
                code = risks.get("0" + text(cell));
            }
            if (code == null) {
                problems.add(problem(row, field, "不是代码表中的返贫致贫风险：" + cell.strip()));
            }
            else if (codes.contains(code)) {
                problems.add(problem(row, field, "风险重复：" + cell.strip()));
            }
            else {
                codes.add(code);
            }
        }
        LocalDate appliedOn = null;
        String date = text(value(cells, "appliedOn"));
        if (!date.isEmpty()) {
            Matcher parts = DATE.matcher(date);
            try {
                if (!parts.matches()) {
                    throw new DateTimeException(date);
                }
                appliedOn = LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                        Integer.parseInt(parts.group(3)));
            }
            catch (DateTimeException ex) {
                problems.add(problem(row, "appliedOn", "不是有效的日期：" + value(cells, "appliedOn").strip()));
            }
        }
        String note = value(cells, "note").strip();
        return new Line(row, value(cells, "headName").strip(), idNumber.isEmpty() ? null : idNumber, codes, appliedOn,
                note.isEmpty() ? null : note, problems);
    }

    private Problem problem(int row, String field, String message) {
        Form5.Column column = Form5.COLUMNS.stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
        Integer index = indexOf.get(field);
        return new Problem(row, headers.getOrDefault(field, column.header()),
                index == null ? null : new CellReference(row - 1, index).formatAsString(false),
                column.indicator() == null ? null : column.indicator().replaceAll("[a-c]$", ""), message);
    }

    private String value(List<String> cells, String field) {
        Integer index = indexOf.get(field);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    /** A cell as text: a date cell as an ISO date, a number without its display format (an ID typed as a number). */
    private static String cell(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    private static String text(String cell) {
        return cell == null ? "" : Normalizer.normalize(cell, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }
}
