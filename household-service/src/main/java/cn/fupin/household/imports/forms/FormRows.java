package cn.fupin.household.imports.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.household.forms.FormLayout;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Helper;
import cn.fupin.household.household.NewHousehold;
import cn.fupin.household.household.NewMember;
import cn.fupin.household.imports.table.CellValues;
import cn.fupin.household.imports.table.MemberCells;
import cn.fupin.household.imports.table.TableRows;
import cn.fupin.household.imports.table.YearCells;
import cn.fupin.household.privacy.PersonalText;
import cn.fupin.platform.domain.Ids;
import cn.fupin.platform.domain.FieldError;

/**
 * Reads a filled form (1–4) row by row: finds its header row under the title (headers with or without their
 * indicator, 姓名 or A1 姓名), then gathers forms 1 and 4 into households by 户序号 (a blank one continues the
 * household above, as merged cells read) and reads forms 2 and 3 one change per row. Cells are read as the national
 * import reads them (codes or labels, full-width digits, dates in any usual spelling); a cell that cannot be read,
 * or a required one left blank, is reported on its row and column, and the rest of the row is still read so that
 * the rules report everything else wrong with it.
 */
public final class FormRows implements TableRows {

    private static final int HEADER_SEARCH = 10;
    private static final Pattern PATH = Pattern.compile(
            "(?:members\\[(\\d+)]\\.|member\\.|income\\.|conditions\\.)?(?:indicators\\.)?(\\w+).*");
    private static final Pattern HELPER_PATH = Pattern.compile("helpers\\[(\\d+)]\\.(\\w+).*");
    /** The helper's columns by the field the rules name. */
    private static final Map<String, String> HELPER_COLUMNS = Map.of("name", "helperName", "gender", "helperGender",
            "politicalStatus", "helperPoliticalStatus", "unit", "helperUnit", "phone", "helperPhone",
            "startDate", "helperStart", "endDate", "helperEnd", "idNumber", "helperName");
    private static final List<String> MEMBER_FIELDS = List.of("name", "gender", "idNumber", "relation");

    /** One refused cell (or row), located as a clerk finds it. */
    public record RowError(int row, String column, String cell, String indicator, String household, String message) {
    }

    /**
     * A household of form 1 or 4, with where its rows stand: its members', and its helpers' (form 1, one to a row).
     *
     * @param year its income and conditions of the work year, or null when the form leaves them all blank
     */
    public record FormHousehold(String key, int firstRow, List<Integer> memberRows, NewHousehold household,
            YearCells.Year year, List<Helper> helpers, List<Integer> helperRows, List<RowError> readErrors) {
    }

    /** A row of form 2: a new member of the household whose head holds {@code headIdNumber}. */
    public record Increase(int row, String headIdNumber, NewMember member, String reason, LocalDate date,
            String workLocation, List<RowError> readErrors) {
    }

    /** A row of form 3: the member holding {@code memberIdNumber} left the household of {@code headIdNumber}. */
    public record Decrease(int row, String headIdNumber, String memberIdNumber, String memberName, String reason,
            LocalDate date, List<RowError> readErrors) {
    }

    private final FormLayout form;
    private final CellValues values;
    private final MemberCells members;
    private final YearCells years;
    private final String village;
    private final List<FormHousehold> households = new ArrayList<>();
    private final List<Increase> increases = new ArrayList<>();
    private final List<Decrease> decreases = new ArrayList<>();
    private final List<RowError> fileErrors = new ArrayList<>();
    private final List<Row> current = new ArrayList<>();
    private final Map<String, Integer> keysSeen = new HashMap<>();
    private Map<String, Integer> indexOf;
    private Map<String, String> headers = Map.of();
    private List<String> ignoredHeaders = List.of();
    private final int maxRows;
    private String sheet = "";
    private String currentKey;
    private int rowsRead;

    private record Row(int number, List<String> cells) {
    }

    /**
     * @param village the village the form is filed for: every household is registered there
     * @param maxRows rows a file may have
     */
    public FormRows(FormLayout form, Codebook codebook, String village, int maxRows) {
        this.form = form;
        this.values = new CellValues(codebook);
        this.members = new MemberCells(values);
        this.years = new YearCells(values);
        this.village = village;
        this.maxRows = maxRows;
    }

    @Override
    public void sheet(String name) {
        sheet = name;
    }

    @Override
    public void row(int number, List<String> cells) {
        if (rowsRead >= maxRows) {
            throw new UnreadableFormException("文件超过 " + maxRows + " 行的上限：请按村分开导入");
        }
        rowsRead++;
        if (indexOf == null) {
            if (!header(cells) && number >= HEADER_SEARCH) {
                throw new UnreadableFormException("前 " + HEADER_SEARCH + " 行中没有" + form.annex() + form.title()
                        + "的表头行：请使用 GET /api/v1/forms/" + form.number() + "/template.xlsx 的表格");
            }
            return;
        }
        if (!form.registersHouseholds()) {
            if (form.number() == 2) {
                increases.add(increase(new Row(number, cells)));
            }
            else {
                decreases.add(decrease(new Row(number, cells)));
            }
            return;
        }
        String key = CellValues.plain(cell(cells, "householdKey"));
        if (key == null) {
            if (currentKey == null) {
                fileErrors.add(error(number, "householdKey", null, "缺少户序号"));
                return;
            }
            key = currentKey;
        }
        if (!key.equals(currentKey)) {
            flush();
            Integer first = keysSeen.putIfAbsent(key, number);
            if (first != null) {
                fileErrors.add(error(number, "householdKey", key,
                        "户序号 " + key + " 的成员行不相邻（第 " + first + " 行已有）：同一户的行须排在一起"));
                return;
            }
            currentKey = key;
        }
        current.add(new Row(number, cells));
    }

    /** The last household, once the file has been read. */
    public void finish() {
        if (indexOf == null) {
            throw new UnreadableFormException("文件中没有" + form.annex() + form.title() + "的表头行");
        }
        flush();
    }

    public List<FormHousehold> households() {
        return households;
    }

    public List<Increase> increases() {
        return increases;
    }

    public List<Decrease> decreases() {
        return decreases;
    }

    /** Rows that belong to no household. */
    public List<RowError> fileErrors() {
        return fileErrors;
    }

    public List<String> ignoredHeaders() {
        return ignoredHeaders;
    }

    /** The sheet read (a CSV file has none). */
    public String sheet() {
        return sheet;
    }

    public int rowsRead() {
        return rowsRead;
    }

    /** The file is not the form: no header row of it, a required column missing, too many rows. */
    public static final class UnreadableFormException extends RuntimeException {

        UnreadableFormException(String message) {
            super(message);
        }
    }

    /**
     * Where a rule's complaint stands in the file: a member's field on the member's row, a household's field on the
     * household's first row, a field without a column of its own on the row's first column.
     */
    public RowError locate(FormHousehold household, FieldError error) {
        Matcher helper = HELPER_PATH.matcher(error.field());
        if (helper.matches()) {
            int index = Integer.parseInt(helper.group(1));
            int row = index < household.helperRows().size() ? household.helperRows().get(index) : household.firstRow();
            return error(row, HELPER_COLUMNS.getOrDefault(helper.group(2), "helperName"), household.key(),
                    error.message());
        }
        Matcher path = PATH.matcher(error.field());
        int row = household.firstRow();
        String field = path.matches() ? path.group(2) : error.field();
        if (path.matches() && path.group(1) != null) {
            int index = Integer.parseInt(path.group(1));
            row = index < household.memberRows().size() ? household.memberRows().get(index) : row;
        }
        if ("causes".equals(field)) {
            field = "cause1";
        }
        else if ("risks".equals(field)) {
            field = "risk1";
        }
        else if ("income".equals(field)) {
            field = "wageIncome";
        }
        return error(row, field, household.key(), error.message());
    }

    /** Where a rule's complaint about a change (form 2 or 3) stands: on its row, in the field's column. */
    public RowError locate(int row, String household, FieldError error) {
        Matcher path = PATH.matcher(error.field());
        return error(row, path.matches() ? path.group(2) : error.field(), household, error.message());
    }

    /** A refusal of a whole row or household (a conflict, a state that does not allow it), on the given column. */
    public RowError refuse(int row, String field, String household, String message) {
        return error(row, field, household, message);
    }

    private boolean header(List<String> cells) {
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String header = CellValues.text(cells.get(i)).replaceAll("\\s+", "");
            if (header.isEmpty()) {
                continue;
            }
            FormLayout.Column column = form.columns().stream()
                    .filter(c -> key(c.header()).equals(header) || key(c.label()).equals(header)).findFirst()
                    .orElse(null);
            if (column == null) {
                ignored.add(cells.get(i).strip());
            }
            else {
                found.putIfAbsent(column.field(), i);
            }
        }
        if (found.size() < 3) {
            return false;
        }
        List<String> missing = form.columns().stream().filter(FormLayout.Column::required)
                .filter(column -> !found.containsKey(column.field())).map(FormLayout.Column::header).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFormException(form.annex() + form.title() + "缺少必填的列：" + String.join("、", missing));
        }
        indexOf = found;
        headers = new HashMap<>();
        found.forEach((field, index) -> headers.put(field, cells.get(index).strip()));
        ignoredHeaders = List.copyOf(ignored);
        return true;
    }

    private static String key(String header) {
        return CellValues.text(header).replaceAll("\\s+", "");
    }

    private String cell(List<String> cells, String field) {
        Integer index = indexOf.get(field);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    private void flush() {
        if (current.isEmpty()) {
            return;
        }
        households.add(household(currentKey, List.copyOf(current)));
        current.clear();
    }

    private FormHousehold household(String key, List<Row> rows) {
        List<RowError> errors = new ArrayList<>();
        Reading reading = new Reading(key, rows.getFirst().number(), errors);
        List<String> causes = new ArrayList<>();
        for (String field : List.of("cause1", "cause2", "cause3")) {
            String cause = reading.value(field, () -> values.code("A27_poverty_cause", household(rows, field)));
            if (cause != null) {
                causes.add(cause);
            }
        }
        List<String> risks = new ArrayList<>();
        for (String field : List.of("risk1", "risk2", "risk3")) {
            String risk = reading.value(field, () -> values.code("A52_risk", household(rows, field)));
            if (risk != null) {
                risks.add(risk);
            }
        }
        String standard = reading.value("identificationStandard",
                () -> values.code("A23_identification_standard", household(rows, "identificationStandard")));
        Boolean military = reading.value("militaryFamily",
                () -> values.yesNo(household(rows, "militaryFamily")));
        LocalDate appliedOn = reading.value("appliedOn", () -> CellValues.date(household(rows, "appliedOn"))
                .orElse(null));
        List<NewMember> members = new ArrayList<>();
        List<Integer> memberRows = new ArrayList<>();
        List<Helper> helpers = new ArrayList<>();
        List<Integer> helperRows = new ArrayList<>();
        for (Row row : rows) {
            reading.at(row.number());
            boolean helper = !cell(row.cells(), "helperName").isBlank();
            if (!helper || MEMBER_FIELDS.stream().anyMatch(field -> !cell(row.cells(), field).isBlank())) {
                members.add(member(row, reading));
                memberRows.add(row.number());
            }
            if (helper) {
                helpers.add(helper(row, reading));
                helperRows.add(row.number());
            }
        }
        reading.at(rows.getFirst().number());
        YearCells.Year year = YearCells.anyFilled(field -> household(rows, field))
                ? years.read(field -> household(rows, field), reading) : null;
        NewHousehold household = new NewHousehold(form.number() == 4 ? Category.MARGINAL : Category.REGISTERED,
                village, CellValues.plain(household(rows, "naturalVillage")),
                CellValues.plain(household(rows, "phone")), standard, military,
                CellValues.plain(household(rows, "bankName")), CellValues.plain(household(rows, "bankAccount")),
                causes, risks, members, appliedOn);
        return new FormHousehold(key, rows.getFirst().number(), memberRows, household, year, helpers, helperRows,
                errors);
    }

    /** A helper on the row: gender and political status as codes or labels; checked by the rules of the API. */
    private Helper helper(Row row, Reading reading) {
        return new Helper(Ids.next(), CellValues.plain(cell(row.cells(), "helperName")), null,
                reading.value("helperGender", () -> values.code("A2_gender", cell(row.cells(), "helperGender"))),
                reading.value("helperPoliticalStatus",
                        () -> values.code("A7_political_status", cell(row.cells(), "helperPoliticalStatus"))),
                CellValues.plain(cell(row.cells(), "helperUnit")),
                reading.value("helperStart", () -> CellValues.date(cell(row.cells(), "helperStart")).orElse(null)),
                reading.value("helperEnd", () -> CellValues.date(cell(row.cells(), "helperEnd")).orElse(null)),
                PersonalText.of(CellValues.plain(cell(row.cells(), "helperPhone"))));
    }

    private Increase increase(Row row) {
        List<RowError> errors = new ArrayList<>();
        String head = CellValues.idNumber(cell(row.cells(), "headIdNumber"));
        Reading reading = new Reading(head, row.number(), errors);
        requireFilled(row, reading, "headIdNumber", "reason", "date");
        NewMember member = member(row, reading);
        String reason = reading.value("reason", () -> values.code("member_increase_reason", cell(row.cells(),
                "reason")));
        LocalDate date = reading.value("date", () -> CellValues.date(cell(row.cells(), "date")).orElse(null));
        return new Increase(row.number(), head, member, reason, date,
                CellValues.plain(cell(row.cells(), "workLocation")), errors);
    }

    private Decrease decrease(Row row) {
        List<RowError> errors = new ArrayList<>();
        String head = CellValues.idNumber(cell(row.cells(), "headIdNumber"));
        Reading reading = new Reading(head, row.number(), errors);
        requireFilled(row, reading, "headIdNumber", "memberIdNumber", "reason", "date");
        String reason = reading.value("reason", () -> values.code("member_decrease_reason", cell(row.cells(),
                "reason")));
        LocalDate date = reading.value("date", () -> CellValues.date(cell(row.cells(), "date")).orElse(null));
        return new Decrease(row.number(), head, CellValues.idNumber(cell(row.cells(), "memberIdNumber")),
                CellValues.plain(cell(row.cells(), "memberName")), reason, date, errors);
    }

    private void requireFilled(Row row, Reading reading, String... fields) {
        for (String field : fields) {
            if (cell(row.cells(), field).isBlank()) {
                reading.fail(field, "必填");
            }
        }
    }

    private NewMember member(Row row, Reading reading) {
        requireFilled(row, reading, "name", "gender", "idNumber", "relation");
        return members.read(row.number(), field -> cell(row.cells(), field), reading);
    }

    /** The household's value of a household column: the first of its rows that fills it. */
    private String household(List<Row> rows, String field) {
        for (Row row : rows) {
            String value = cell(row.cells(), field);
            if (!value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private RowError error(int row, String field, String household, String message) {
        FormLayout.Column column = form.column(field).orElse(form.columns().getFirst());
        Integer index = indexOf == null ? null : indexOf.get(column.field());
        String header = headers.getOrDefault(column.field(), column.header());
        String cell = index == null ? null : new CellReference(row - 1, index).formatAsString(false);
        return new RowError(row, header, cell, column.indicator(), household, message);
    }

    /** Reads one household's or row's fields, each failure recorded on its row and column and the field left empty. */
    private final class Reading implements MemberCells.Reading {

        private final String household;
        private final List<RowError> errors;
        private int row;

        Reading(String household, int row, List<RowError> errors) {
            this.household = household;
            this.row = row;
            this.errors = errors;
        }

        void at(int row) {
            this.row = row;
        }

        @Override
        public <T> T value(String field, Supplier<T> read) {
            try {
                return read.get();
            }
            catch (IllegalArgumentException ex) {
                fail(field, ex.getMessage());
                return null;
            }
        }

        @Override
        public void fail(String field, String message) {
            errors.add(error(row, field, household, message));
        }
    }
}
