package cn.fupin.contracts.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.MemberIndicators;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;

/**
 * A deterministic synthetic county as the national registry exports it (全县全字段: one row per person, the
 * household's columns repeated, Chinese headers, values as the national system shows them — labels, not codes): of
 * the county's households most exited, some unstable, some marginal, a few still poor or returned, poor villages
 * fuller than others. The same seed gives the same file. Shared by tests, the local stack's demo data and the
 * benchmarks, which import what it writes.
 */
public final class SyntheticRegistry {

    /** The export's columns, as the national system heads them. */
    public static final List<String> HEADERS = List.of("县", "乡", "村", "自然村", "户编号", "人口编号", "贫困户状态",
            "监测对象类别", "识别年度", "脱贫年度", "返贫年度", "主要致贫原因", "户联系电话", "姓名", "证件类型", "证件号码", "性别",
            "出生日期", "民族", "与户主关系", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工区域", "务工时间（月）",
            "是否会讲普通话", "是否参加城乡居民基本医疗保险", "是否参加城乡居民基本养老保险", "是否参加大病保险",
            "是否享受农村居民最低生活保障", "是否接受医疗救助", "风险类型", "纳入监测年度", "风险是否消除", "风险消除年度",
            "帮扶责任人", "帮扶责任人性别", "帮扶责任人政治面貌", "帮扶单位", "帮扶责任人联系电话", "帮扶开始时间",
            "工资性收入", "转移性收入", "计划生育金", "最低生活保障金", "特困人员救助供养金", "养老金或离退休金", "生态补偿金",
            "其他转移性收入", "生产经营性收入", "财产性收入", "资产收益扶贫分红收入", "其他财产性收入", "生产经营性支出", "耕地面积",
            "牧草地面积", "水面面积", "林地面积", "退耕还林面积", "林果面积", "入户路类型", "与村主干路距离", "是否加入农民专业合作组织",
            "危房等级", "住房面积", "是否通生活用电", "是否有卫生厕所", "是否解决安全饮用水", "主要燃料类型", "是否有龙头企业带动",
            "是否有创业致富带头人带动", "是否通广播电视");

    /** The units that send 帮扶责任人 in the synthetic county. */
    private static final List<String> UNITS = List.of("市农业农村局", "市教育局", "市卫生健康局", "市人力资源和社会保障局",
            "市住房和城乡建设局", "市水利局", "市供电公司", "乡镇人民政府", "市农村信用合作联社", "市民政局");
    private static final String SURNAMES = "林陈黄张李王吴刘蔡杨郑许谢邱罗赖";
    private static final String GIVEN = "建国志强海燕秀英明华丽娟文斌国平春梅晓东";

    private final Random random;
    /**
     * Apart from {@link #random}, so that the monitoring and helper columns leave the county's households as they
     * were.
     */
    private final Random risks;
    /** Apart too, for the year's income and conditions. */
    private final Random incomes;
    private final SyntheticHouseholds people;
    private final Codebook codebook;
    private final DivisionTree divisions;
    private final List<DivisionTree.Division> villages = new ArrayList<>();
    private final String countyName;
    private final long seed;
    private int households;

    public SyntheticRegistry(long seed, DivisionTree divisions, Codebook codebook) {
        this(seed, new SyntheticHouseholds(seed), divisions, codebook);
    }

    /**
     * A county whose people come from the given generator, which may serve others too: one generator never gives an
     * ID number twice, where two generators may.
     */
    public SyntheticRegistry(long seed, SyntheticHouseholds people, DivisionTree divisions, Codebook codebook) {
        this.seed = seed;
        this.random = new Random(seed);
        this.risks = new Random(seed * 31 + 7);
        this.incomes = new Random(seed * 17 + 3);
        this.people = people;
        this.codebook = codebook;
        this.divisions = divisions;
        this.countyName = divisions.root().name();
        for (DivisionTree.Division township : divisions.root().children()) {
            for (DivisionTree.Division village : township.children()) {
                // a poor village (贫困村) holds about three times the registered households of another
                for (int weight = village.poorVillage() ? 3 : 1; weight > 0; weight--) {
                    villages.add(village);
                }
            }
        }
    }

    /** The next household's rows, the head's first. */
    public List<List<String>> nextHousehold() {
        DivisionTree.Division village = villages.get(random.nextInt(villages.size()));
        return rows(village, divisions.find(village.parentCode()).orElseThrow());
    }

    /** The next household of the given village. */
    public List<List<String>> nextHousehold(String villageCode) {
        DivisionTree.Division village = divisions.find(villageCode).orElseThrow();
        return rows(village, divisions.find(village.parentCode()).orElseThrow());
    }

    /** Writes a whole export: the header row, then {@code count} households. */
    public void writeCsv(Path file, Charset charset, int count) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
            }
            line(out, HEADERS);
            for (int i = 0; i < count; i++) {
                for (List<String> row : nextHousehold()) {
                    line(out, row);
                }
            }
        }
    }

    /** One CSV line (cells quoted where they must be). */
    public static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                out.write('"' + cell.replace("\"", "\"\"") + '"');
            }
            else {
                out.write(cell);
            }
        }
        out.write("\r\n");
    }

    private List<List<String>> rows(DivisionTree.Division village, DivisionTree.Division township) {
        households++;
        int kind = random.nextInt(100);
        boolean marginal = kind < 6;
        HouseholdCategory category = marginal ? HouseholdCategory.MARGINAL : HouseholdCategory.REGISTERED;
        RegisterHouseholdRequest household = people.next(village.code(), category);
        // generators of other seeds never give the same 户编号
        String number = village.code() + String.format("%04d%06d", Math.floorMod(seed, 10_000), households);
        int identified = 2014 + (random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0);
        String status = "";
        String monitoring = "";
        String exited = "";
        String returned = "";
        if (marginal) {
            monitoring = "边缘易致贫户";
        }
        else if (kind < 8) {
            status = "未脱贫";
        }
        else if (kind < 9) {
            status = "返贫";
            exited = String.valueOf(Math.max(identified, 2016 + random.nextInt(3)));
            returned = String.valueOf(2021 + random.nextInt(3));
        }
        else {
            status = "已脱贫";
            exited = String.valueOf(Math.max(identified, 2016 + random.nextInt(5)));
            monitoring = kind < 14 ? "脱贫不稳定户" : "";
        }
        String causes = marginal ? "" : label("A27_poverty_cause", household.getCauses().getFirst());
        List<String> monitored = monitoring.isEmpty() ? List.of("", "", "", "") : monitored();
        List<String> helper = marginal ? List.of("", "", "", "", "", "") : helper(identified);
        List<String> annual = annual(household, !status.equals("已脱贫") ? 2_500 : !monitoring.isEmpty() ? 5_000 : 9_000,
                status.equals("已脱贫") && monitoring.isEmpty() ? 11_000 : 4_000);
        List<List<String>> rows = new ArrayList<>();
        for (int m = 0; m < household.getMembers().size(); m++) {
            MemberInput member = household.getMembers().get(m);
            MemberIndicators indicators = member.getIndicators();
            List<String> row = new ArrayList<>(HEADERS.size());
            row.add(countyName);
            row.add(township.name());
            row.add(village.name());
            row.add(household.getAddress().getNaturalVillage());
            row.add(number);
            row.add(number + String.format("%02d", m + 1));
            row.add(status);
            row.add(monitoring);
            row.add(marginal ? "" : String.valueOf(identified));
            row.add(exited);
            row.add(returned);
            row.add(causes);
            row.add(household.getPhone());
            row.add(member.getName());
            row.add(label("A3_id_type", member.getIdType()));
            row.add(member.getIdNumber());
            row.add(label("A2_gender", member.getGender()));
            row.add(member.getBirthDate().toString());
            row.add(label("A6_ethnicity", member.getEthnicity()));
            row.add(label("A5_relation", member.getRelation()));
            row.add(label("A8_education", indicators.getEducation()));
            row.add(label("A9_student_status", indicators.getStudentStatus()));
            row.add(String.join("、", indicators.getHealth().stream().map(code -> label("A10_health", code)).toList()));
            row.add(label("A11_labour_skill", indicators.getLabourSkill()));
            row.add(label("A12_work_area", indicators.getWorkArea()));
            row.add(indicators.getWorkMonths() == null ? "" : String.valueOf(indicators.getWorkMonths()));
            row.add(yesNo(indicators.getSpeaksMandarin()));
            row.add(yesNo(indicators.getMedicalInsured()));
            row.add(yesNo(indicators.getPensionInsured()));
            row.add(yesNo(indicators.getCriticalIllnessInsured()));
            row.add(yesNo(indicators.getMinimumLiving()));
            row.add(yesNo(indicators.getMedicalAssistance()));
            row.addAll(monitored);
            row.addAll(helper);
            row.addAll(annual);
            rows.add(row);
        }
        return rows;
    }

    /**
     * A monitoring object's columns: one or two risks, the year it was taken into monitoring (2020 onwards, when
     * 防返贫监测 began), and for about two in five the risk eliminated a year or two later.
     */
    private List<String> monitored() {
        List<String> codes = List.copyOf(codebook.list("A52_risk").options().keySet());
        String first = codes.get(risks.nextInt(codes.size()));
        String second = codes.get(risks.nextInt(codes.size()));
        String named = label("A52_risk", first) + (second.equals(first) || risks.nextBoolean() ? ""
                : "、" + label("A52_risk", second));
        int year = 2020 + risks.nextInt(5);
        boolean cleared = risks.nextInt(5) < 2;
        return List.of(named, String.valueOf(year), cleared ? "是" : "否",
                cleared ? String.valueOf(year + 1 + risks.nextInt(2)) : "");
    }

    /**
     * The year's income and conditions (A28–A48) of the household, per-capita net income drawn between {@code low}
     * and {@code low + spread} yuan: wages most of it, some farming with its costs, transfers (the 低保 allowance only
     * where a member draws it, as the quality rules expect), a small dividend; a cement road, a safe house for most.
     */
    private List<String> annual(RegisterHouseholdRequest household, int low, int spread) {
        int size = household.getMembers().size();
        long net = (long) (low + incomes.nextInt(spread)) * size;
        boolean allowance = household.getMembers().stream()
                .anyMatch(member -> Boolean.TRUE.equals(member.getIndicators().getMinimumLiving()));
        long minimumLiving = allowance ? 3_000L * size : 0;
        long pension = incomes.nextInt(3) == 0 ? 1_200 + incomes.nextInt(2_400) : 0;
        long ecological = incomes.nextInt(4) == 0 ? 100 + incomes.nextInt(600) : 0;
        long transfer = minimumLiving + pension + ecological;
        long dividend = incomes.nextInt(2) == 0 ? 200 + incomes.nextInt(800) : 0;
        long production = Math.max(0, (net - transfer - dividend) / 4 + incomes.nextInt(2_000));
        long expenses = production * (20 + incomes.nextInt(20)) / 100;
        long wage = Math.max(0, net - transfer - dividend - production + expenses);
        int landTenths = 5 + incomes.nextInt(45);
        boolean dangerous = incomes.nextInt(50) == 0;
        return List.of(String.valueOf(wage), String.valueOf(transfer), "0", String.valueOf(minimumLiving), "0",
                String.valueOf(pension), String.valueOf(ecological), "0", String.valueOf(production),
                String.valueOf(dividend), String.valueOf(dividend), "0", String.valueOf(expenses),
                tenths(landTenths), "0", incomes.nextInt(10) == 0 ? "1.5" : "0",
                String.valueOf(incomes.nextInt(8)), "0", incomes.nextInt(5) == 0 ? "0.8" : "0",
                label("A37_road_type", incomes.nextInt(10) < 8 ? "03" : "02"),
                tenths(1 + incomes.nextInt(20)), incomes.nextInt(3) == 0 ? "是" : "否",
                label("A40_dangerous_house_grade", dangerous ? "3" : incomes.nextInt(3) == 0 ? "2" : "1"),
                String.valueOf(60 + incomes.nextInt(120)), "是", incomes.nextInt(20) == 0 ? "否" : "是", "是",
                label("A45_fuel_type", incomes.nextInt(3) == 0 ? "01" : "04"), incomes.nextInt(4) == 0 ? "是" : "否",
                incomes.nextInt(5) == 0 ? "是" : "否", "是");
    }

    /** A decimal as the registry writes it: 2.5, 3 (no trailing zeros). */
    private static String tenths(int tenths) {
        return BigDecimal.valueOf(tenths, 1).stripTrailingZeros().toPlainString();
    }

    /** A registered household's 帮扶责任人: a cadre of a city unit, helping since the year it was identified. */
    private List<String> helper(int identified) {
        String name = SURNAMES.charAt(risks.nextInt(SURNAMES.length())) + ""
                + GIVEN.charAt(risks.nextInt(GIVEN.length())) + GIVEN.charAt(risks.nextInt(GIVEN.length()));
        boolean man = risks.nextInt(3) > 0;
        String phone = "13" + (100_000_000 + risks.nextInt(900_000_000));
        String start = identified + "-" + String.format("%02d-%02d", 1 + risks.nextInt(12), 1 + risks.nextInt(28));
        return List.of(name, man ? "男" : "女", risks.nextInt(4) > 0 ? "中共党员" : "群众",
                UNITS.get(risks.nextInt(UNITS.size())), phone, start);
    }

    private String label(String list, String code) {
        return code == null ? "" : codebook.list(list).label(code);
    }

    private static String yesNo(Boolean value) {
        return value == null ? "" : value ? "是" : "否";
    }
}
