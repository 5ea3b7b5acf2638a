package cn.fupin.household.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.fupin.household.privacy.IdNumber;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.MemberIndicators;

/**
 * A member for the quality rule tests, clean unless told otherwise: healthy (A10 01), an ordinary labourer (A11
 * 01), junior-high education (A8 03), not working, insured, no 低保, a valid ID number matching sex and birth.
 */
final class MemberBuilder {

    private final String name;
    private String relation;
    private String gender;
    private LocalDate birthDate;
    private String idType = "01";
    private String idNumber;
    private String education = "03";
    private String studentStatus;
    private List<String> health = List.of("01");
    private String labourSkill = "01";
    private String workArea;
    private Integer workMonths;
    private boolean minimumLiving;
    private boolean active = true;

    MemberBuilder(String name, String relation, String gender, LocalDate birthDate) {
        this.name = name;
        this.relation = relation;
        this.gender = gender;
        this.birthDate = birthDate;
        this.idNumber = HouseholdFactsMother.residentId(birthDate, gender);
    }

    MemberBuilder relation(String code) {
        this.relation = code;
        return this;
    }

    /** A2 only: the ID number keeps the sex it was made for. */
    MemberBuilder gender(String code) {
        this.gender = code;
        return this;
    }

    /** The birth date only: the ID number keeps the date it was made for. */
    MemberBuilder born(LocalDate date) {
        this.birthDate = date;
        return this;
    }

    /** A3 and A4. */
    MemberBuilder id(String type, String number) {
        this.idType = type;
        this.idNumber = number;
        return this;
    }

    MemberBuilder education(String code) {
        this.education = code;
        return this;
    }

    /** A9 in school at the level; A8 cleared, as the form wants for a student. */
    MemberBuilder student(String code) {
        this.studentStatus = code;
        this.education = null;
        return this;
    }

    /** A9 as given, A8 untouched. */
    MemberBuilder studentStatus(String code) {
        this.studentStatus = code;
        return this;
    }

    MemberBuilder health(String... codes) {
        this.health = List.of(codes);
        return this;
    }

    MemberBuilder labourSkill(String code) {
        this.labourSkill = code;
        return this;
    }

    /** A12 area (null for none) and A13 months. */
    MemberBuilder work(String area, Integer months) {
        this.workArea = area;
        this.workMonths = months;
        return this;
    }

    MemberBuilder minimumLiving() {
        this.minimumLiving = true;
        return this;
    }

    /** Left the household (natural decrease): no longer counts. */
    MemberBuilder left() {
        this.active = false;
        return this;
    }

    Member build() {
        MemberIndicators indicators = new MemberIndicators("13", education, studentStatus, health, labourSkill,
                workArea, workMonths, null, true, true, true, true, minimumLiving, false, false);
        LocalDate leftOn = active ? null : LocalDate.of(HouseholdFactsMother.YEAR, 6, 1);
        return new Member(UUID.randomUUID(), name, gender, idType, new IdNumber(idNumber), relation, "01", birthDate, indicators,
                null, active, null, null, leftOn, active ? null : "2");
    }
}
