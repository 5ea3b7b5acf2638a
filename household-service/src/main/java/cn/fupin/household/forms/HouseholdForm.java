package cn.fupin.household.forms;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Helper;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.MemberIndicators;
import cn.fupin.platform.pdf.PrintedForm;

/**
 * 信息采集表 as the work plan's annexes lay them out (附件1 for a registered household, 附件4 for a marginal one),
 * filled with what is registered, codes shown by their names, and the footer the household head signs:
 * 填表人、联系电话、户主签名、填表日期. One sheet, A4 landscape, fit to one page wide.
 */
@Component
public class HouseholdForm {

    static final List<String> MEMBER_COLUMNS = List.of("A1 姓名", "A2 性别", "A3 证件类型", "A4 证件号码",
            "A5 与户主关系", "A6 民族", "A7 政治面貌", "A8 文化程度", "A9 在校生状况", "A10 健康状况", "A11 劳动技能",
            "A12 务工区域", "A13 务工时间（月）", "A14 失学或辍学原因", "A15 会讲普通话", "A16 城乡居民基本养老保险",
            "A17 城乡居民基本医疗保险", "A18 大病保险", "A19 农村低保", "A20 商业补充医疗保险", "A51 医疗救助");
    static final List<String> HELPER_COLUMNS = List.of("姓名", "性别", "政治面貌", "帮扶单位", "联系电话", "帮扶开始时间",
            "帮扶结束时间");

    private final Codebook codebook;
    private final DivisionTree divisions;

    HouseholdForm(Codebook codebook, DivisionTree divisions) {
        this.codebook = codebook;
        this.divisions = divisions;
    }

    /** The title of the household's form: 附件1 or 附件4. */
    public static String title(Household household) {
        return household.getCategory() == Category.MARGINAL ? "边缘易致贫户信息采集表" : "新识别贫困户信息采集表";
    }

    /**
     * The filled-in form, to write as an Excel workbook or a PDF.
     *
     * @param year the household's latest year's record (its income and conditions), or null when it has none
     */
    public PrintedForm of(Household household, AnnualRecord year, String clerk) {
        PrintedForm form = new PrintedForm("信息采集表", MEMBER_COLUMNS.size() + 1);
        form.title((household.getCategory() == Category.MARGINAL ? "附件4  " : "附件1  ") + title(household));
        form.skip();
        form.section("一、基础信息");
        form.text("家庭住址：" + address(household));
        form.text("联系电话：" + blank(household.getPhone()) + "    开户银行（选填）：" + blank(household.getBankName())
                + "    银行账号（选填）：" + blank(household.getBankAccount()));
        form.text("A23 识别标准：" + label("A23_identification_standard", household.getIdentificationStandard())
                + "    A25 军烈属：" + yesNo(household.getMilitaryFamily()));
        form.skip();
        form.section("二、家庭成员信息");
        form.header(numbered(MEMBER_COLUMNS));
        List<Member> members = household.getMembers().stream().filter(Member::active)
                .sorted(Comparator.comparing((Member m) -> !m.isHead())).toList();
        for (int i = 0; i < members.size(); i++) {
            form.row(numbered(i + 1, member(members.get(i))));
        }
        form.skip();
        form.text("三、主要致贫原因（A27）：" + household.getCauses().stream()
                .map(code -> label("A27_poverty_cause", code)).collect(Collectors.joining("、")));
        form.skip();
        year(form, year);
        form.section("六、帮扶责任人");
        form.header(HELPER_COLUMNS);
        for (Helper helper : household.getHelpers()) {
            form.row(List.of(helper.name(), label("A2_gender", helper.gender()),
                    label("A7_political_status", helper.politicalStatus()), blank(helper.unit()),
                    blank(helper.phone() == null ? null : helper.phone().value()), String.valueOf(helper.startDate()),
                    helper.endDate() == null ? "" : helper.endDate().toString()));
        }
        form.skip();
        form.skip();
        form.signatures(clerk, "户主签名");
        form.widths(memberWidths());
        return form;
    }

    /** 四、收入情况 and 五、生产生活条件: the year's indicators by their headers, four to a line. */
    private void year(PrintedForm form, AnnualRecord record) {
        Map<String, Object> values = new HashMap<>();
        if (record != null) {
            values.putAll(components(record.income()));
            values.putAll(components(record.conditions()));
        }
        form.section("四、收入情况" + (record == null ? "（未录入）" : "（" + record.year() + " 年度）"));
        lines(form, FormLayout.incomeColumns(), values);
        form.section("五、生产生活条件");
        lines(form, FormLayout.conditionsColumns(), values);
        form.skip();
    }

    private void lines(PrintedForm form, List<FormLayout.Column> columns, Map<String, Object> values) {
        for (int from = 0; from < columns.size(); from += 4) {
            form.text(columns.subList(from, Math.min(from + 4, columns.size())).stream()
                    .map(column -> column.header() + "：" + shown(column, values.get(column.field())))
                    .collect(Collectors.joining("    ")));
        }
    }

    private String shown(FormLayout.Column column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean flag) {
            return yesNo(flag);
        }
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        return column.list() == null ? value.toString() : label(column.list(), value.toString());
    }

    /** A record's values by component name: the year's columns are named as Income's and Conditions' components. */
    private static Map<String, Object> components(Record record) {
        Map<String, Object> values = new HashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(record));
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return values;
    }

    /** A member's cells under {@link #MEMBER_COLUMNS}: codes by their names, flags as 是/否. */
    List<String> member(Member member) {
        MemberIndicators m = member.indicators();
        return List.of(member.name(), label("A2_gender", member.gender()), label("A3_id_type", member.idType()),
                member.idNumber().value(), label("A5_relation", member.relation()),
                label("A6_ethnicity", member.ethnicity()), label("A7_political_status", m.politicalStatus()),
                label("A8_education", m.education()), label("A9_student_status", m.studentStatus()),
                m.health().stream().map(code -> label("A10_health", code)).collect(Collectors.joining("、")),
                label("A11_labour_skill", m.labourSkill()), label("A12_work_area", m.workArea()),
                m.workMonths() == null ? "" : String.valueOf(m.workMonths()),
                label("A14_dropout_reason", m.dropoutReason()), yesNo(m.speaksMandarin()), yesNo(m.pensionInsured()),
                yesNo(m.medicalInsured()), yesNo(m.criticalIllnessInsured()), yesNo(m.minimumLiving()),
                yesNo(m.commercialMedicalInsured()), yesNo(m.medicalAssistance()));
    }

    /** Widths of 序号 and the member columns (the ID number wider). */
    static int[] memberWidths() {
        return IntStream.rangeClosed(0, MEMBER_COLUMNS.size() + 1).map(i -> i == 0 ? 6 : i == 4 ? 22 : 11)
                .toArray();
    }

    static List<String> numbered(List<String> columns) {
        return Stream.concat(Stream.of("序号"), columns.stream()).toList();
    }

    static List<String> numbered(int number, List<String> cells) {
        return Stream.concat(Stream.of(String.valueOf(number)), cells.stream()).toList();
    }

    String villageName(String code) {
        return divisions.find(code).map(DivisionTree.Division::name).orElse(code);
    }

    private String address(Household household) {
        Function<Integer, String> name = length -> divisions.find(household.getDivisionCode().substring(0, length))
                .map(DivisionTree.Division::name).orElse("");
        return name.apply(6) + " " + name.apply(9) + " " + name.apply(12)
                + (household.getNaturalVillage() == null ? "" : " " + household.getNaturalVillage() + "（自然村）");
    }

    String label(String list, String code) {
        return code == null ? "" : codebook.list(list).label(code);
    }

    private static String yesNo(Boolean value) {
        return value == null ? "" : value ? "是" : "否";
    }

    static String blank(String value) {
        return value == null ? "" : value;
    }
}
