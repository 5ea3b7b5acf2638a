package cn.fupin.household.imports.national;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.household.annual.ImportedYear;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.ImportedHousehold.ImportedHelper;
import cn.fupin.household.household.ImportedHousehold.ImportedMember;
import cn.fupin.household.household.ImportedHousehold.RegistryHistory;
import cn.fupin.household.household.ImportedHousehold.RegistryMonitoring;
import cn.fupin.household.household.ImportedHousehold;
import cn.fupin.household.household.NewMember;
import cn.fupin.household.household.PovertyStatus;
import cn.fupin.household.imports.table.CellValues;
import cn.fupin.household.imports.table.MemberCells;
import cn.fupin.household.imports.table.TableRows;
import cn.fupin.household.imports.table.YearCells;
import cn.fupin.platform.domain.FieldError;

/**
 * Reads the national registry's whole-county export row by row into households: finds the header row (a title may
 * stand above it), groups each household's consecutive rows by 户编号 (a blank one continues the household above,
 * as merged cells read), takes household columns from the first of its rows that fills them, turns labels into
 * codes and names of 乡 and 村 into division codes. What cannot be read is reported on its row and column; the
 * household is still passed on, with those fields empty, so that the rules report everything else wrong with it.
 */
public final class NationalRows implements TableRows {

    /** Rows above the header that may hold a title. */
    private static final int HEADER_SEARCH = 10;
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[(\\d+)]\\.(?:indicators\\.)?(\\w+).*");
    private static final Pattern HELPER_PATH = Pattern.compile("helpers\\[\\d+]\\.(\\w+).*");
    private static final Pattern NAMES = Pattern.compile("[、，,;；/]+");
    /** A2 未知: a helper whose gender the export does not give. */
    private static final String UNKNOWN_GENDER = "9";

    /** A household as read, with where each of its parts stands in the file. */
    public record ReadHousehold(ImportedHousehold household, ImportedYear annual, int firstRow,
            List<Integer> memberRows, List<RowError> readErrors) {

        public boolean unreadable() {
            return !readErrors.isEmpty();
        }
    }

    /** One refused cell (or row), located as a clerk finds it. */
    public record RowError(int row, String column, String cell, String indicator, String householdNumber,
            String message) {
    }

    private final NationalColumns columns = NationalColumns.get();
    private final CellValues values;
    private final MemberCells members;
    private final YearCells years;
    private final VillageNames villages;
    private final String scope;
    private final int year;
    private final Consumer<ReadHousehold> households;
    private final List<RowError> fileErrors = new ArrayList<>();
    private final Set<String> householdsSeen = new HashSet<>();

    private Map<String, Integer> indexOf;
    private Map<String, String> headers = Map.of();
    private List<String> ignoredHeaders = List.of();
    private String currentNumber;
    private final List<Row> current = new ArrayList<>();
    private int rowsRead;

    private record Row(int number, List<String> cells) {
    }

    /**
     * @param scope the division-code prefix the importer may write; households outside it are refused
     * @param year the work year: the year of the incomes where the export names none, and the latest it may name
     * @param households receives each household once its last row is read
     */
    public NationalRows(Codebook codebook, DivisionTree divisions, String scope, int year,
            Consumer<ReadHousehold> households) {
        this.values = new CellValues(codebook);
        this.members = new MemberCells(values);
        this.years = new YearCells(values);
        this.villages = new VillageNames(divisions);
        this.scope = scope;
        this.year = year;
        this.households = households;
    }

    @Override
    public void row(int number, List<String> cells) {
        rowsRead++;
        if (indexOf == null) {
            if (header(cells)) {
                List<String> missing = missingColumns();
                if (!missing.isEmpty()) {
                    throw new HeaderNotFoundException("缺少必需的列：" + String.join("、", missing));
                }
            }
            else if (number >= HEADER_SEARCH) {
                throw new HeaderNotFoundException("前 " + HEADER_SEARCH + " 行中没有列名行（须含“户编号”等列）");
            }
            return;
        }
        String householdNumber = CellValues.plain(cell(cells, "householdNumber"));
        if (householdNumber == null) {
            if (currentNumber == null) {
                fileErrors.add(error(number, "householdNumber", null, "缺少户编号"));
                return;
            }
            householdNumber = currentNumber;
        }
        if (!householdNumber.equals(currentNumber)) {
            flush();
            if (!householdsSeen.add(householdNumber)) {
                fileErrors.add(error(number, "householdNumber", householdNumber,
                        "户编号 " + householdNumber + " 的成员行不相邻：同一户的行须排在一起（请按户编号排序）"));
                return;
            }
            currentNumber = householdNumber;
        }
        current.add(new Row(number, cells));
    }

    /** The last household, once the file has been read. */
    public void finish() {
        if (indexOf == null) {
            throw new HeaderNotFoundException("文件中没有列名行（须含“户编号”等列）");
        }
        flush();
    }

    /** Rows not belonging to any household (before the first 户编号, or out of place). */
    public List<RowError> fileErrors() {
        return fileErrors;
    }

    /** Headers of the file that no field reads. */
    public List<String> ignoredHeaders() {
        return ignoredHeaders;
    }

    /** Required columns the header row lacks; empty when it has them all. */
    public List<String> missingColumns() {
        return columns.all().stream().filter(NationalColumns.Column::required)
                .filter(column -> !indexOf.containsKey(column.field())).map(NationalColumns.Column::header).toList();
    }

    public int rowsRead() {
        return rowsRead;
    }

    /** The file holds no usable header row among its first rows: none with 户编号, or one without a required column. */
    public static final class HeaderNotFoundException extends RuntimeException {

        HeaderNotFoundException(String message) {
            super(message);
        }
    }

    /**
     * Where a rule's complaint about a household stands in the file: the member's row for a member's field, the
     * household's first row for the household's.
     */
    public RowError locate(ReadHousehold read, FieldError error) {
        Matcher member = MEMBER_PATH.matcher(error.field());
        if (member.matches()) {
            int index = Integer.parseInt(member.group(1));
            int row = index < read.memberRows().size() ? read.memberRows().get(index) : read.firstRow();
            return located(row, fieldOfMember(member.group(2)), error.message(), read);
        }
        Matcher helper = HELPER_PATH.matcher(error.field());
        if (helper.matches()) {
            return located(read.firstRow(), switch (helper.group(1)) {
                case "gender" -> "helperGender";
                case "politicalStatus" -> "helperPoliticalStatus";
                case "unit" -> "helperUnit";
                case "startDate" -> "helperStart";
                case "endDate" -> "helperEnd";
                case "phone" -> "helperPhone";
                default -> "helperName";
            }, error.message(), read);
        }
        String field = switch (error.field().replaceAll("\\[.*", "")) {
            case "address.divisionCode" -> "village";
            case "causes" -> "causes";
            case "status", "category" -> "povertyStatus";
            case "history.identifiedYear" -> "identifiedYear";
            case "history.exitedYear" -> "exitedYear";
            case "history.returnedYear" -> "returnedYear";
            case "registryNumber" -> "householdNumber";
            case "monitoring.objectType" -> "monitoringType";
            case "monitoring.risks" -> "monitoringRisks";
            case "monitoring.year" -> "monitoringYear";
            case "monitoring.clearedYear" -> "riskClearedYear";
            case "naturalVillage" -> "naturalVillage";
            case "phone" -> "phone";
            default -> "relation";
        };
        return located(read.firstRow(), field, error.message(), read);
    }

    private static String fieldOfMember(String path) {
        return switch (path) {
            case "idNumber", "idType", "gender", "relation", "ethnicity", "birthDate", "name", "politicalStatus",
                    "education", "studentStatus", "health", "labourSkill", "workArea", "workMonths", "dropoutReason",
                    "speaksMandarin", "pensionInsured", "medicalInsured", "criticalIllnessInsured", "minimumLiving",
                    "commercialMedicalInsured", "medicalAssistance" -> path;
            default -> "name";
        };
    }

    private boolean header(List<String> cells) {
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i);
            if (header == null || header.isBlank()) {
                continue;
            }
            NationalColumns.Column column = columns.byHeader(header);
            if (column == null) {
                ignored.add(header.strip());
            }
            else {
                found.putIfAbsent(column.field(), i);
            }
        }
        if (!found.containsKey("householdNumber") || found.size() < 3) {
            return false;
        }
        indexOf = found;
        headers = new HashMap<>();
        found.forEach((field, index) -> headers.put(field, cells.get(index).strip()));
        ignoredHeaders = List.copyOf(ignored);
        return true;
    }

    private String cell(List<String> cells, String field) {
        Integer index = indexOf.get(field);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    private void flush() {
        if (current.isEmpty()) {
            return;
        }
        households.accept(read(currentNumber, List.copyOf(current)));
        current.clear();
    }

    /** One household from its rows. */
    private ReadHousehold read(String number, List<Row> rows) {
        List<RowError> errors = new ArrayList<>();
        Reading reading = new Reading(number, rows.getFirst().number(), errors);
        String township = household(rows, "township");
        String village = household(rows, "village");
        String divisionCode = reading.value("village", () -> villages.village(household(rows, "county"), township,
                village, scope));
        String status = household(rows, "povertyStatus");
        String type = household(rows, "householdType");
        String monitoringType = reading.value("monitoringType",
                () -> monitoringType(household(rows, "monitoringType")));
        boolean marginal = ImportedHousehold.RegistryMonitoring.MARGINAL.equals(monitoringType)
                || Set.of("边缘易致贫户", "边缘户").contains(CellValues.text(type));
        PovertyStatus povertyStatus = marginal ? PovertyStatus.MARGINAL
                : reading.value("povertyStatus", () -> povertyStatus(status, type));
        List<String> causes = new ArrayList<>();
        reading.run("causes", () -> causes.addAll(values.codes("A27_poverty_cause", household(rows, "causes"))));
        reading.run("otherCauses", () -> values.codes("A27_poverty_cause", household(rows, "otherCauses")).stream()
                .filter(code -> !causes.contains(code)).forEach(causes::add));
        RegistryHistory history = new RegistryHistory(
                reading.value("identifiedYear", () -> CellValues.year(household(rows, "identifiedYear")).orElse(null)),
                reading.value("exitedYear", () -> CellValues.year(household(rows, "exitedYear")).orElse(null)),
                reading.value("returnedYear", () -> CellValues.year(household(rows, "returnedYear")).orElse(null)));
        RegistryMonitoring monitoring = monitoring(rows, monitoringType, marginal, reading);
        List<ImportedMember> members = new ArrayList<>();
        List<Integer> memberRows = new ArrayList<>();
        for (Row row : rows) {
            reading.at(row.number());
            members.add(member(row, reading));
            memberRows.add(row.number());
        }
        ImportedHousehold household = new ImportedHousehold(number, marginal ? Category.MARGINAL : Category.REGISTERED,
                povertyStatus, divisionCode, CellValues.plain(household(rows, "naturalVillage")),
                CellValues.plain(household(rows, "phone")), causes, history, monitoring, members,
                helpers(rows, reading));
        reading.at(rows.getFirst().number());
        return new ReadHousehold(household, annual(rows, reading), rows.getFirst().number(), memberRows, errors);
    }

    /**
     * The household's income and conditions of the year (A28–A48); none where the export has none of their columns
     * or leaves them all blank for the household.
     */
    private ImportedYear annual(List<Row> rows, Reading reading) {
        if (!YearCells.anyFilled(field -> household(rows, field))) {
            return null;
        }
        Integer recordYear = reading.value("incomeYear", () -> {
            int given = CellValues.year(household(rows, "incomeYear")).orElse(year);
            if (given < 2014 || given > year) {
                throw new IllegalArgumentException("收入年度须在 2014 至 " + year + " 年之间：" + given);
            }
            return given;
        });
        YearCells.Year read = years.read(field -> household(rows, field), reading);
        return recordYear == null ? null : new ImportedYear(recordYear, read.income(), read.conditions());
    }

    /**
     * The registry's monitoring object of the household: its kind, risks, year and elimination. None where the
     * household is no monitoring object there, or the export names no risk of it (an older layout without the
     * risk columns): a marginal household is then imported as such, without a monitoring object.
     */
    private RegistryMonitoring monitoring(List<Row> rows, String type, boolean marginal, Reading reading) {
        String objectType = type != null ? type : marginal ? RegistryMonitoring.MARGINAL : null;
        List<String> risks = reading.value("monitoringRisks",
                () -> values.codes("A52_risk", household(rows, "monitoringRisks")));
        if (objectType == null || risks == null || risks.isEmpty()) {
            return null;
        }
        Integer year = reading.value("monitoringYear",
                () -> CellValues.year(household(rows, "monitoringYear")).orElse(null));
        Boolean cleared = reading.value("riskCleared", () -> riskCleared(household(rows, "riskCleared")));
        Integer clearedYear = reading.value("riskClearedYear",
                () -> CellValues.year(household(rows, "riskClearedYear")).orElse(null));
        return new RegistryMonitoring(objectType, year, risks, Boolean.TRUE.equals(cleared) || clearedYear != null,
                clearedYear);
    }

    /**
     * The household's 帮扶责任人: names separated by 、, their phones (and units, where they differ) in the same
     * order; gender and political status as codes or labels, 未知 when the export gives no gender.
     */
    private List<ImportedHelper> helpers(List<Row> rows, Reading reading) {
        List<String> names = split(household(rows, "helperName"));
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> units = split(household(rows, "helperUnit"));
        List<String> phones = split(household(rows, "helperPhone"));
        String gender = reading.value("helperGender", () -> values.code("A2_gender", household(rows, "helperGender")));
        String political = reading.value("helperPoliticalStatus",
                () -> values.code("A7_political_status", household(rows, "helperPoliticalStatus")));
        LocalDate start = reading.value("helperStart", () -> CellValues.date(household(rows, "helperStart"))
                .orElse(null));
        LocalDate end = reading.value("helperEnd", () -> CellValues.date(household(rows, "helperEnd")).orElse(null));
        List<ImportedHelper> helpers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String unit = units.size() == names.size() ? units.get(i)
                    : CellValues.plain(household(rows, "helperUnit"));
            helpers.add(new ImportedHelper(names.get(i), gender == null ? UNKNOWN_GENDER : gender, political, unit,
                    start, end, i < phones.size() ? phones.get(i) : null));
        }
        return helpers;
    }

    private static List<String> split(String cell) {
        String value = CellValues.plain(cell);
        return value == null || value.isEmpty() ? List.of()
                : NAMES.splitAsStream(value).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    /** 监测对象类别 as monitoring-service names it; null for a household that is none. */
    private static String monitoringType(String cell) {
        String value = CellValues.text(cell);
        if (value.isEmpty() || value.equals("否") || value.equals("无")) {
            return null;
        }
        if (value.startsWith("边缘")) {
            return RegistryMonitoring.MARGINAL;
        }
        if (value.startsWith("脱贫不稳定")) {
            return RegistryMonitoring.UNSTABLE_EXITED;
        }
        if (value.startsWith("突发")) {
            throw new IllegalArgumentException("突发严重困难户不在本系统管理的对象之内（贫困户、脱贫不稳定户、边缘易致贫户）");
        }
        throw new IllegalArgumentException("不是监测对象类别（脱贫不稳定户、边缘易致贫户）：" + cell.strip());
    }

    /** 风险是否消除: 是/否, or the registry's own words (已消除, 未消除). */
    private Boolean riskCleared(String cell) {
        String value = CellValues.text(cell);
        if (value.isEmpty()) {
            return null;
        }
        if (value.startsWith("已消除") || value.equals("风险已消除")) {
            return true;
        }
        if (value.startsWith("未消除") || value.equals("风险未消除")) {
            return false;
        }
        Boolean yes = values.yesNo(cell);
        if (yes == null) {
            throw new IllegalArgumentException("不是风险是否消除（是、否、已消除、未消除）：" + cell.strip());
        }
        return yes;
    }

    private ImportedMember member(Row row, Reading reading) {
        NewMember member = members.read(row.number(), field -> cell(row.cells(), field), reading);
        return new ImportedMember(CellValues.plain(cell(row.cells(), "personNumber")), member);
    }

    private static PovertyStatus povertyStatus(String status, String type) {
        for (String cell : new String[] { status, type }) {
            String value = CellValues.text(cell);
            if (value.isEmpty()) {
                continue;
            }
            if (value.contains("返贫")) {
                return PovertyStatus.RETURNED;
            }
            if (value.contains("未脱贫") || value.equals("否") || value.equals("贫困户") || value.equals("贫困")) {
                return PovertyStatus.POOR;
            }
            if (value.contains("脱贫") || value.equals("是")) {
                return PovertyStatus.EXITED;
            }
            throw new IllegalArgumentException("不是贫困户状态（未脱贫、已脱贫、返贫）：" + cell.strip());
        }
        return null;
    }

    /** The household's value of a household column: the first of its rows that fills it. */
    private String household(List<Row> rows, String field) {
        for (Row row : rows) {
            String value = cell(row.cells(), field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private RowError error(int row, String field, String householdNumber, String message) {
        NationalColumns.Column column = columns.column(field);
        Integer index = indexOf == null ? null : indexOf.get(field);
        String header = headers.getOrDefault(field, column.header());
        String cell = index == null ? null : new CellReference(row - 1, index).formatAsString(false);
        return new RowError(row, header, cell, column.indicator(), householdNumber, message);
    }

    private RowError located(int row, String field, String message, ReadHousehold read) {
        return error(row, field, read.household().registryNumber(), message);
    }

    /** Reads one household's fields, each failure recorded on its row and column and the field left empty. */
    private final class Reading implements MemberCells.Reading {

        private final String number;
        private final List<RowError> errors;
        private int row;

        Reading(String number, int row, List<RowError> errors) {
            this.number = number;
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

        void run(String field, Runnable read) {
            value(field, () -> {
                read.run();
                return null;
            });
        }

        @Override
        public void fail(String field, String message) {
            errors.add(error(row, field, number, message));
        }
    }
}
