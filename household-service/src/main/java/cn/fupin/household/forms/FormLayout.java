package cn.fupin.household.forms;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Forms 1–4 of the work plan as clerks fill them in Excel, several households to a sheet: the title, then one header
 * row whose columns carry the form's indicator codes (A1 姓名 …), then one row per member (forms 1, 2 and 4) or per
 * member who left (form 3). A household's own columns (forms 1 and 4) are filled on its first row, or on every row
 * of it; its rows share a 户序号. The blank template ({@link FormTemplates}) and the import read the same layout.
 */
public record FormLayout(int number, String title, String sheet, List<Column> columns, String note) {

    /**
     * One column of a form.
     *
     * @param field what the column holds
     * @param header its header, the indicator first where the form has one
     * @param list the codebook list its cells choose from (a drop-down of the list's Chinese labels), or null
     * @param required a row without it is refused, as the API refuses a request without the field
     * @param household one value for the whole household, taken from the first of its rows that fills it
     * @param width in characters
     */
    public record Column(String field, String header, String indicator, String list, boolean required,
            boolean household, int width) {

        /** The header without its indicator, as some clerks write it: 姓名 for A1 姓名. */
        public String label() {
            return indicator == null ? header : header.substring(indicator.length()).strip();
        }
    }

    static final String HOUSEHOLD_KEY = "householdKey";

    private static final List<Column> MEMBER = List.of(
            member("name", "A1", "姓名", null, true, 10),
            member("gender", "A2", "性别", "A2_gender", true, 6),
            member("idType", "A3", "证件类型", "A3_id_type", false, 12),
            member("idNumber", "A4", "证件号码", null, true, 21),
            member("relation", "A5", "与户主关系", "A5_relation", true, 10),
            member("ethnicity", "A6", "民族", "A6_ethnicity", false, 8),
            new Column("birthDate", "出生日期", null, null, false, false, 11),
            member("politicalStatus", "A7", "政治面貌", "A7_political_status", false, 10),
            member("education", "A8", "文化程度", "A8_education", false, 10),
            member("studentStatus", "A9", "在校生状况", "A9_student_status", false, 12),
            member("health", "A10", "健康状况", "A10_health", false, 10),
            member("labourSkill", "A11", "劳动技能", "A11_labour_skill", false, 10),
            member("workArea", "A12", "务工区域", "A12_work_area", false, 10),
            member("workMonths", "A13", "务工时间（月）", null, false, 8),
            member("dropoutReason", "A14", "失学或辍学原因", "A14_dropout_reason", false, 12),
            member("speaksMandarin", "A15", "是否会讲普通话", "yes_no", false, 8),
            member("pensionInsured", "A16", "是否参加城乡居民基本养老保险", "yes_no", false, 8),
            member("medicalInsured", "A17", "是否参加城乡居民基本医疗保险", "yes_no", false, 8),
            member("criticalIllnessInsured", "A18", "是否参加大病保险", "yes_no", false, 8),
            member("minimumLiving", "A19", "是否享受农村居民最低生活保障", "yes_no", false, 8),
            member("commercialMedicalInsured", "A20", "是否参加商业补充医疗保险", "yes_no", false, 8),
            member("medicalAssistance", "A51", "是否接受医疗救助", "yes_no", false, 8));


    /** 收入情况 of the work year (A28–A32): household columns, after the members'. */
    private static final List<Column> INCOME = List.of(
            household("wageIncome", "A28", "工资性收入（元）", null, 10),
            household("transferIncome", "A29", "转移性收入（元）", null, 10),
            household("familyPlanningSubsidy", "A29a", "计划生育金（元）", null, 10),
            household("minimumLivingAllowance", "A29b", "低保金（元）", null, 10),
            household("extremePovertySupport", "A29c", "特困供养金（元）", null, 10),
            household("pension", "A29d", "养老保险金（元）", null, 10),
            household("ecologicalCompensation", "A29e", "生态补偿金（元）", null, 10),
            household("otherTransferIncome", "A29f", "其他转移性收入（元）", null, 10),
            household("productionIncome", "A30", "生产经营性收入（元）", null, 10),
            household("propertyIncome", "A31", "财产性收入（元）", null, 10),
            household("assetDividend", "A31a", "资产收益扶贫分红收入（元）", null, 10),
            household("otherPropertyIncome", "A31b", "其他财产性收入（元）", null, 10),
            household("productionExpenses", "A32", "生产经营性支出（元）", null, 10));

    /** 生产生活条件 of the work year (A33–A48), after the income. */
    private static final List<Column> CONDITIONS = List.of(
            household("cultivatedLand", "A33", "耕地面积（亩）", null, 8),
            household("grassland", "A34", "牧草地面积（亩）", null, 8),
            household("waterSurface", "A35", "水面面积（亩）", null, 8),
            household("forestLand", "A36", "林地面积（亩）", null, 8),
            household("returnedFarmland", "A36a", "退耕还林面积（亩）", null, 8),
            household("orchard", "A36b", "林果面积（亩）", null, 8),
            household("roadType", "A37", "入户路类型", "A37_road_type", 10),
            household("distanceToMainRoad", "A38", "与村主干路距离（公里）", null, 8),
            household("cooperativeMember", "A39", "是否加入农民专业合作组织", "yes_no", 8),
            household("dangerousHouseGrade", "A40", "危房等级", "A40_dangerous_house_grade", 8),
            household("housingArea", "A41", "住房面积（平方米）", null, 8),
            household("electricity", "A42", "是否通生活用电", "yes_no", 8),
            household("sanitaryToilet", "A43", "是否有卫生厕所", "yes_no", 8),
            household("safeDrinkingWater", "A44", "是否解决安全饮用水", "yes_no", 8),
            household("fuelType", "A45", "主要燃料类型", "A45_fuel_type", 10),
            household("leadingEnterprise", "A46", "是否有龙头企业带动", "yes_no", 8),
            household("entrepreneurLeader", "A47", "是否有创业致富带头人带动", "yes_no", 8),
            household("broadcastTv", "A48", "是否通广播电视", "yes_no", 8));

    private static final List<Column> YEAR = concat(INCOME, CONDITIONS);

    /** 帮扶责任人 (form 1, part 6): one to a row, on the household's rows. */
    private static final List<Column> HELPER = List.of(
            new Column("helperName", "帮扶责任人姓名", null, null, false, false, 10),
            new Column("helperGender", "帮扶责任人性别", null, "A2_gender", false, false, 6),
            new Column("helperPoliticalStatus", "帮扶责任人政治面貌", null, "A7_political_status", false, false, 10),
            new Column("helperUnit", "帮扶单位", null, null, false, false, 14),
            new Column("helperPhone", "帮扶责任人联系电话", null, null, false, false, 13),
            new Column("helperStart", "帮扶开始时间", null, null, false, false, 11),
            new Column("helperEnd", "帮扶结束时间", null, null, false, false, 11));

    private static final String YEAR_NOTE = "收入（A28–A32）与生产生活条件（A33–A48）是本工作年度的，填在该户第一行，登记时记为该户本年度的记录；"
            + "金额以元计，面积以亩、距离以公里计。";

    private static final Column KEY = new Column(HOUSEHOLD_KEY, "户序号", null, null, true, true, 6);
    private static final Column NATURAL_VILLAGE = household("naturalVillage", null, "自然村", null, 10);
    private static final Column PHONE = household("phone", null, "联系电话", null, 13);
    private static final Column BANK = household("bankName", null, "开户银行（选填）", null, 14);
    private static final Column ACCOUNT = household("bankAccount", null, "银行账号（选填）", null, 20);
    private static final Column APPLIED_ON = household("appliedOn", null, "申请日期", null, 11);
    private static final Column HEAD_NAME = new Column("headName", "户主姓名", null, null, false, false, 10);
    private static final Column HEAD_ID = new Column("headIdNumber", "户主证件号码", null, null, true, false, 21);

    /** 附件1 新识别贫困户信息采集表. */
    public static final FormLayout NEW_POOR = new FormLayout(1, "新识别贫困户信息采集表", "新识别贫困户", concat(
            List.of(KEY, NATURAL_VILLAGE, PHONE, BANK, ACCOUNT,
                    household("identificationStandard", "A23", "识别标准", "A23_identification_standard", 8),
                    household("militaryFamily", "A25", "是否军烈属", "yes_no", 8),
                    household("cause1", "A27a", "主要致贫原因", "A27_poverty_cause", 10),
                    household("cause2", "A27b", "次要致贫原因", "A27_poverty_cause", 10),
                    household("cause3", "A27c", "其他致贫原因", "A27_poverty_cause", 10), APPLIED_ON),
            MEMBER, YEAR, HELPER), "同一户的各成员行填同一户序号，户的信息填在该户第一行即可；每户须恰有一名户主（A5 与户主关系 = 户主）。"
                    + YEAR_NOTE + "帮扶责任人每行填一人，填在该户的行上（一户几名帮扶责任人就用几行，不够时可加只填户序号与帮扶责任人的行）。");

    /** 附件2 家庭成员自然增加情况表. */
    public static final FormLayout MEMBER_INCREASE = new FormLayout(2, "贫困户、边缘易致贫户家庭成员自然增加情况表", "自然增加",
            concat(List.of(HEAD_NAME, HEAD_ID), MEMBER, List.of(
                    new Column("workLocation", "务工所在地", null, null, false, false, 14),
                    new Column("reason", "增加原因", null, "member_increase_reason", true, false, 12),
                    new Column("date", "增加日期", null, null, true, false, 11))),
            "每行一名新增成员，按户主证件号码找到本村的户。增加原因包括（1）新生儿、（2）婚入、（3）户籍迁入、（4）刑满释放、（5）收养、"
                    + "（6）失联人口回归。");

    /** 附件3 家庭成员自然减少情况表. */
    public static final FormLayout MEMBER_DECREASE = new FormLayout(3, "贫困户、边缘易致贫户家庭成员自然减少情况表", "自然减少",
            List.of(HEAD_NAME, HEAD_ID,
                    new Column("memberName", "减少家庭成员姓名", null, null, false, false, 10),
                    new Column("memberIdNumber", "减少家庭成员证件号码", null, null, true, false, 21),
                    new Column("reason", "减少原因", null, "member_decrease_reason", true, false, 14),
                    new Column("date", "减少日期", null, null, true, false, 11)),
            "减少原因包括（1）死亡、（2）婚出、（3）出国定居、（4）判刑收监、（5）户籍迁出、（6）农转非、（7）失联、（8）分散供养转集中供养。"
                    + "户主减少时，须在系统中另行指定新户主（表中不能指定）。");

    /**
     * 附件4 边缘易致贫户信息采集表: as form 1 with the risks (A52, after the members as on the paper form) instead of
     * A23, A25 and the causes, no helpers.
     */
    public static final FormLayout MARGINAL = new FormLayout(4, "边缘易致贫户信息采集表", "边缘易致贫户",
            concat(List.of(KEY, NATURAL_VILLAGE, PHONE, BANK, ACCOUNT, APPLIED_ON), MEMBER,
                    List.of(household("risk1", "A52a", "致贫风险1", "A52_risk", 10),
                            household("risk2", "A52b", "致贫风险2", "A52_risk", 10),
                            household("risk3", "A52c", "致贫风险3", "A52_risk", 10)), YEAR),
            "同一户的各成员行填同一户序号，户的信息填在该户第一行即可；每户须恰有一名户主。" + YEAR_NOTE
                    + "填了致贫风险（A52a–c，单选各一）的户，登记后即提出纳入监测的申请（边缘易致贫户，经审核）；"
                    + "未填的户照常登记，可稍后在监测对象中提出。");

    private static final List<FormLayout> ALL = List.of(NEW_POOR, MEMBER_INCREASE, MEMBER_DECREASE, MARGINAL);

    /** The columns of a year's income (A28–A32), in the form's order. */
    public static List<Column> incomeColumns() {
        return INCOME;
    }

    /** The columns of a year's conditions (A33–A48), in the form's order. */
    public static List<Column> conditionsColumns() {
        return CONDITIONS;
    }

    /** Forms 1–4 by number; form 5 is monitoring-service's. */
    public static Optional<FormLayout> of(int number) {
        return ALL.stream().filter(form -> form.number == number).findFirst();
    }

    /** 附件1 … as the title names it. */
    public String annex() {
        return "附件" + number;
    }

    /** Whether its rows are members of households keyed by 户序号 (forms 1 and 4). */
    public boolean registersHouseholds() {
        return columns.stream().anyMatch(column -> column.field().equals(HOUSEHOLD_KEY));
    }

    public Optional<Column> column(String field) {
        return columns.stream().filter(column -> column.field().equals(field)).findFirst();
    }

    private static Column member(String field, String indicator, String label, String list, boolean required,
            int width) {
        return new Column(field, indicator + " " + label, indicator, list, required, false, width);
    }

    private static Column household(String field, String indicator, String label, String list, int width) {
        return new Column(field, indicator == null ? label : indicator + " " + label, indicator, list, false, true,
                width);
    }

    @SafeVarargs
    private static List<Column> concat(List<Column>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
