package cn.fupin.household.annual;

import java.util.List;

import cn.fupin.contracts.rules.BasicNeed;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;

/**
 * “两不愁三保障”: the guarantees a household must have to exit poverty (no compulsory-education dropout, basic
 * medical insurance, safe housing, safe drinking water), as the members' and the year's indicators show them.
 */
public record BasicNeeds(boolean noCompulsoryEducationDropout, boolean basicMedicalInsurance, boolean safeHousing,
        boolean safeDrinkingWater) {

    /** Compulsory education (义务教育) covers ages 6 to 15. */
    static final int SCHOOL_FROM = 6;
    static final int SCHOOL_TO = 15;

    static BasicNeeds of(Household household, Conditions conditions, int year) {
        List<Member> living = household.getMembers().stream().filter(Member::active).toList();
        boolean dropout = living.stream().anyMatch(member -> member.indicators().dropoutReason() != null
                && member.birthDate() != null && inSchoolAge(year - member.birthDate().getYear()));
        boolean insured = !living.isEmpty()
                && living.stream().allMatch(member -> Boolean.TRUE.equals(member.indicators().medicalInsured()));
        return new BasicNeeds(!dropout, insured, conditions.safeHousing(),
                Boolean.TRUE.equals(conditions.safeDrinkingWater()));
    }

    private static boolean inSchoolAge(int age) {
        return age >= SCHOOL_FROM && age <= SCHOOL_TO;
    }

    /** Whether one guarantee is met. */
    public boolean met(BasicNeed need) {
        return switch (need) {
            case NO_COMPULSORY_EDUCATION_DROPOUT -> noCompulsoryEducationDropout;
            case BASIC_MEDICAL_INSURANCE -> basicMedicalInsurance;
            case SAFE_HOUSING -> safeHousing;
            case SAFE_DRINKING_WATER -> safeDrinkingWater;
        };
    }

    public boolean allMet() {
        return noCompulsoryEducationDropout && basicMedicalInsurance && safeHousing && safeDrinkingWater;
    }
}
