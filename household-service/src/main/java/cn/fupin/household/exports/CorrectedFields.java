package cn.fupin.household.exports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;

/** The fields a correction changed, as a clerk reads them: 户联系电话, 张三的文化程度 (A8). */
final class CorrectedFields {

    private static final Pattern MEMBER = Pattern.compile("members\\[([0-9a-f-]{36})]\\.(?:indicators\\.)?(\\w+)");
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("naturalVillage", "自然村"), Map.entry("phone", "户联系电话"), Map.entry("causes", "致贫原因 (A27)"),
            Map.entry("identificationStandard", "识别标准 (A23)"), Map.entry("militaryFamily", "是否军烈属 (A25)"),
            Map.entry("bankName", "开户银行"), Map.entry("bankAccount", "银行账号"), Map.entry("status", "贫困户状态"),
            Map.entry("notEnjoyingPolicy", "脱贫不享受政策"), Map.entry("name", "姓名 (A1)"), Map.entry("gender", "性别 (A2)"),
            Map.entry("idType", "证件类型 (A3)"), Map.entry("idNumber", "证件号码 (A4)"), Map.entry("relation", "与户主关系 (A5)"),
            Map.entry("ethnicity", "民族 (A6)"), Map.entry("birthDate", "出生日期"),
            Map.entry("politicalStatus", "政治面貌 (A7)"), Map.entry("education", "文化程度 (A8)"),
            Map.entry("studentStatus", "在校生状况 (A9)"), Map.entry("health", "健康状况 (A10)"),
            Map.entry("labourSkill", "劳动技能 (A11)"), Map.entry("workArea", "务工区域 (A12)"),
            Map.entry("workMonths", "务工时间 (A13)"), Map.entry("dropoutReason", "失学或辍学原因 (A14)"),
            Map.entry("speaksMandarin", "是否会讲普通话 (A15)"), Map.entry("pensionInsured", "城乡居民基本养老保险 (A16)"),
            Map.entry("medicalInsured", "城乡居民基本医疗保险 (A17)"), Map.entry("criticalIllnessInsured", "大病保险 (A18)"),
            Map.entry("minimumLiving", "农村低保 (A19)"), Map.entry("commercialMedicalInsured", "商业补充医疗保险 (A20)"),
            Map.entry("medicalAssistance", "医疗救助 (A51)"));

    private CorrectedFields() {
    }

    static String describe(List<String> fields, Household household) {
        Set<String> described = new LinkedHashSet<>();
        for (String field : fields) {
            Matcher member = MEMBER.matcher(field);
            if (member.matches()) {
                String name = household.getMembers().stream()
                        .filter(m -> m.memberId().toString().equals(member.group(1))).map(Member::name).findFirst()
                        .orElse("成员");
                described.add(name + "的" + NAMES.getOrDefault(member.group(2), member.group(2)));
            }
            else {
                described.add(NAMES.getOrDefault(field, field));
            }
        }
        return String.join("、", described);
    }
}
