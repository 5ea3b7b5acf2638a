package cn.fupin.household.issues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.workplan.WorkWindows;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * 外来问题清单: problem lists from quality assessments and surveys (work plan, part 1.5), imported as OPEN issues
 * of the households whose members they name. Every bad row is reported (row, column, reason); a file with any bad
 * row is imported not at all unless the caller asks for a partial import.
 */
@Service
public class IssueImports {

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema HEADER = CsvSchema.emptySchema().withHeader();

    private final OutsideIssues outside;
    private final WorkWindows windows;

    IssueImports(OutsideIssues outside, WorkWindows windows) {
        this.outside = outside;
        this.windows = windows;
    }

    /** What an import did. */
    public record Result(int rows, int imported, int skipped, List<FieldError> errors) {
    }

    private record Row(int number, String idNumber, String ruleCode, String message) {
    }


    @Transactional
    public Result importCsv(String csv, int year, String origin, boolean partial, Caller caller) {
        List<Row> rows = parse(csv);
        List<FieldError> errors = new ArrayList<>();
        List<Map.Entry<Row, OutsideIssues.Target>> accepted = new ArrayList<>();
        for (Row row : rows) {
            Optional<FieldError> error = check(row);
            Optional<OutsideIssues.Target> target = error.isPresent() ? Optional.empty()
                    : outside.holderOf(row.idNumber(), caller.scope());
            if (error.isEmpty() && target.isEmpty()) {
                error = Optional.of(new FieldError("rows[" + row.number() + "].idNumber", "A4",
                        "第 " + row.number() + " 行：您的管辖范围内没有持此证件号码的在户成员"));
            }
            error.ifPresentOrElse(errors::add, () -> accepted.add(Map.entry(row, target.orElseThrow())));
        }
        if (!errors.isEmpty() && !partial) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected", "导入文件有误",
                    "共 " + errors.size() + " 行有误，整份未导入；可改正后重新导入，或选择只导入正确的行", errors);
        }
        int imported = 0;
        for (var entry : accepted) {
            windows.requireOpen(entry.getValue().divisionCode());
            if (raise(entry.getKey(), entry.getValue(), year, origin)) {
                imported++;
            }
        }
        return new Result(rows.size(), imported, accepted.size() - imported, errors);
    }

    private static List<Row> parse(String csv) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = CSV.readerForMapOf(String.class).with(HEADER)
                .readValues(csv)) {
            int number = 1;
            while (lines.hasNextValue()) {
                Map<String, String> line = lines.nextValue();
                number++;
                rows.add(new Row(number, trim(line.get("idNumber")), trim(line.get("ruleCode")), trim(line.get("message"))));
            }
        }
        catch (JacksonException ex) {
            throw ApiException.invalid(List.of(new FieldError("body", null, "不是有效的 CSV：" + ex.getOriginalMessage())));
        }
        if (rows.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("body", null, "文件没有数据行（首行须为列名 idNumber,ruleCode,message）")));
        }
        return rows;
    }

    private static Optional<FieldError> check(Row row) {
        String at = "rows[" + row.number() + "].";
        if (row.idNumber() == null) {
            return Optional.of(new FieldError(at + "idNumber", "A4", "第 " + row.number() + " 行：缺少证件号码"));
        }
        if (row.message() == null) {
            return Optional.of(new FieldError(at + "message", null, "第 " + row.number() + " 行：缺少问题说明"));
        }
        if (row.ruleCode() != null && !row.ruleCode().matches("^[a-z0-9-]{1,40}$")) {
            return Optional.of(new FieldError(at + "ruleCode", null, "第 " + row.number() + " 行：问题类别只能含小写字母、数字和 -"));
        }
        return Optional.empty();
    }

    private boolean raise(Row row, OutsideIssues.Target target, int year, String origin) {
        return outside.raise(target, year, row.ruleCode() == null ? "imported" : row.ruleCode(), origin,
                row.message());
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
