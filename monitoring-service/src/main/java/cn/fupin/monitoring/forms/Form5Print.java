package cn.fupin.monitoring.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.platform.pdf.PrintedForm;

/**
 * 表 5 for signature: a village's 脱贫不稳定户 of a year as the paper form lists them, one household a row — the
 * head's name and ID number, the risks by name, where the object stands — with the village's line above and the
 * places to sign below. Objects review refused are not on it.
 */
@Component
public class Form5Print {

    private static final List<String> HEADER = List.of("序号", "户主姓名", "A4 户主证件号码", "A52a 返贫致贫风险1",
            "A52b 返贫致贫风险2", "A52c 返贫致贫风险3", "状态");

    private final JdbcClient jdbc;
    private final HouseholdHeads heads;
    private final Codebook codebook;
    private final DivisionTree divisions;

    Form5Print(JdbcClient jdbc, HouseholdHeads heads, Codebook codebook, DivisionTree divisions) {
        this.jdbc = jdbc;
        this.heads = heads;
        this.codebook = codebook;
        this.divisions = divisions;
    }

    private record Listed(UUID householdId, String headName, List<String> risks, String status) {
    }

    /** The village's form of the year, the clerk's name on the line of who filled it. */
    @Transactional(readOnly = true)
    public PrintedForm of(String village, int year, String clerk) {
        List<Listed> listed = jdbc.sql("""
                select household_id, head_name, risks, status from monitoring_object
                where division_code = :village and year = :year and object_type = 'UNSTABLE_EXITED'
                  and status <> 'REJECTED'
                order by created_at, id""")
                .param("village", village).param("year", year)
                .query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getString(2),
                        List.of(rs.getString(3).split(",")), rs.getString(4)))
                .list();
        PrintedForm form = new PrintedForm(Form5.SHEET, HEADER.size());
        form.title(Form5.TITLE);
        form.text(place(village) + "    年度：" + year + "    共 " + listed.size() + " 户");
        form.skip();
        form.header(HEADER);
        Map<UUID, String> idNumbers = heads.idNumbers(listed.stream().map(Listed::householdId).distinct().toList());
        for (int i = 0; i < listed.size(); i++) {
            Listed object = listed.get(i);
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1), blank(object.headName()),
                    blank(idNumbers.get(object.householdId()))));
            for (int r = 0; r < 3; r++) {
                row.add(r < object.risks().size() ? risk(object.risks().get(r)) : "");
            }
            row.add(status(object.status()));
            form.row(row);
        }
        form.skip();
        form.signatures(clerk, "村负责人签名");
        form.widths(6, 10, 21, 16, 16, 16, 10);
        return form;
    }

    private String place(String village) {
        List<String> names = new ArrayList<>();
        for (int length : new int[] { 6, 9, 12 }) {
            names.add(divisions.find(village.substring(0, length)).map(DivisionTree.Division::name).orElse(""));
        }
        return "县（市、区）：" + names.get(0) + "    乡（镇）：" + names.get(1) + "    村：" + names.get(2) + "（" + village
                + "）";
    }

    private String risk(String code) {
        return code.isBlank() ? "" : codebook.list("A52_risk").label(code);
    }

    private static String status(String status) {
        return switch (status) {
            case "PROPOSED" -> "待审核";
            case "MONITORED" -> "监测中";
            case "ELIMINATION_REQUESTED" -> "风险消除待审核";
            case "RISK_CLEARED" -> "风险已消除";
            default -> status;
        };
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
