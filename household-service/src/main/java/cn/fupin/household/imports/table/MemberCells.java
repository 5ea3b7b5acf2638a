package cn.fupin.household.imports.table;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.fupin.household.household.MemberIndicators;
import cn.fupin.household.household.NewMember;

/**
 * A member's cells (A1–A20, A51, birth date) as every import reads them, by field name: codes or labels through the
 * codebook, the ID type a resident ID number implies when the column is blank, an ID number the file already gave on
 * an earlier row refused. One per file: it remembers the file's ID numbers.
 */
public final class MemberCells {

    private static final String RESIDENT_ID = "01";

    /** Reads one field of a row: a failure is recorded on the field's column and the field left empty. */
    public interface Reading {

        <T> T value(String field, Supplier<T> read);

        void fail(String field, String message);
    }

    private final CellValues values;
    private final Map<String, Integer> idNumbersSeen = new HashMap<>();

    public MemberCells(CellValues values) {
        this.values = values;
    }

    /**
     * @param row the row's number, named when a later row repeats its ID number
     * @param cell a cell of the row by field name, blank when the file has no such column
     */
    public NewMember read(int row, Function<String, String> cell, Reading reading) {
        String idNumber = CellValues.idNumber(cell.apply("idNumber"));
        String idType = reading.value("idType", () -> values.code("A3_id_type", cell.apply("idType")));
        if (idType == null && idNumber != null && idNumber.matches("\\d{17}[\\dX]|\\d{15}")) {
            idType = RESIDENT_ID;
        }
        if (idNumber != null) {
            Integer first = idNumbersSeen.putIfAbsent(idNumber, row);
            if (first != null) {
                reading.fail("idNumber", "证件号码在文件中重复（第 " + first + " 行已有）");
            }
        }
        MemberIndicators indicators = new MemberIndicators(
                code(reading, cell, "politicalStatus", "A7_political_status"),
                code(reading, cell, "education", "A8_education"),
                code(reading, cell, "studentStatus", "A9_student_status"),
                reading.value("health", () -> values.codes("A10_health", cell.apply("health"))),
                code(reading, cell, "labourSkill", "A11_labour_skill"),
                code(reading, cell, "workArea", "A12_work_area"),
                reading.value("workMonths", () -> CellValues.count(cell.apply("workMonths")).orElse(null)),
                code(reading, cell, "dropoutReason", "A14_dropout_reason"),
                yesNo(reading, cell, "speaksMandarin"), yesNo(reading, cell, "pensionInsured"),
                yesNo(reading, cell, "medicalInsured"), yesNo(reading, cell, "criticalIllnessInsured"),
                yesNo(reading, cell, "minimumLiving"), yesNo(reading, cell, "commercialMedicalInsured"),
                yesNo(reading, cell, "medicalAssistance"));
        return new NewMember(CellValues.plain(cell.apply("name")), code(reading, cell, "gender", "A2_gender"), idType,
                idNumber, code(reading, cell, "relation", "A5_relation"), code(reading, cell, "ethnicity",
                        "A6_ethnicity"),
                reading.value("birthDate", () -> CellValues.date(cell.apply("birthDate")).orElse(null)), indicators);
    }

    private String code(Reading reading, Function<String, String> cell, String field, String list) {
        return reading.value(field, () -> values.code(list, cell.apply(field)));
    }

    private Boolean yesNo(Reading reading, Function<String, String> cell, String field) {
        return reading.value(field, () -> values.yesNo(cell.apply(field)));
    }
}
