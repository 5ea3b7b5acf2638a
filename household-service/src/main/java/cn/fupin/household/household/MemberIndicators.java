package cn.fupin.household.household;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The indicators collected for a member on forms 1 and 2 (A7–A20, A51); codes from the codebook.
 *
 * @param politicalStatus A7 政治面貌
 * @param education A8 文化程度
 * @param studentStatus A9 在校生状况
 * @param health A10 健康状况 (several codes)
 * @param labourSkill A11 劳动技能
 * @param workArea A12 务工区域
 * @param workMonths A13 务工时间 (months, 0–12)
 * @param dropoutReason A14 失学或辍学原因
 * @param speaksMandarin A15 是否会讲普通话
 * @param pensionInsured A16 是否参加城乡居民基本养老保险
 * @param medicalInsured A17 是否参加城乡居民基本医疗保险
 * @param criticalIllnessInsured A18 是否参加大病保险
 * @param minimumLiving A19 是否享受农村居民最低生活保障
 * @param commercialMedicalInsured A20 是否参加商业补充医疗保险
 * @param medicalAssistance A51 是否接受医疗救助
 */
public record MemberIndicators(String politicalStatus, String education, String studentStatus, List<String> health,
        String labourSkill, String workArea, Integer workMonths, String dropoutReason, Boolean speaksMandarin,
        Boolean pensionInsured, Boolean medicalInsured, Boolean criticalIllnessInsured, Boolean minimumLiving,
        Boolean commercialMedicalInsured, Boolean medicalAssistance) {

    public static final MemberIndicators NONE = new MemberIndicators(null, null, null, List.of(), null, null, null,
            null, null, null, null, null, null, null, null);

    public MemberIndicators {
        health = health == null ? List.of() : List.copyOf(health);
    }

    /** The names of the indicators that differ in {@code other}, e.g. {@code education}. */
    public List<String> differencesTo(MemberIndicators other) {
        return Arrays.stream(MemberIndicators.class.getRecordComponents())
                .filter(component -> !Objects.equals(value(component, this), value(component, other)))
                .map(RecordComponent::getName).toList();
    }

    private static Object value(RecordComponent component, MemberIndicators indicators) {
        try {
            return component.getAccessor().invoke(indicators);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
