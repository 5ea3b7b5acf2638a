package cn.fupin.household.quality;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import cn.fupin.household.household.Member;

/**
 * 年龄与在校生状况不符: a student's age (at the end of the year) outside the plausible ages of the school level
 * (A9). Source: the national rule set (domain.md: "≤ 14 and in senior high, ≥ 20 and in primary school are
 * suspect"); the bounds of the other levels extend those two examples and are to be confirmed with the city office.
 */
final class AgeVsSchoolLevel implements QualityRule {

    /** The plausible ages, inclusive, of the students at one school level. */
    private enum Level {
        PRESCHOOL("学前教育", 2, 7, "02"),
        PRIMARY("小学", 5, 19, "03"),
        JUNIOR_HIGH("初中", 10, 22, "04", "05", "06"),
        SENIOR_HIGH("高中", 15, 25, "07", "08", "09"),
        SECONDARY_VOCATIONAL("中职", 15, 30, "10", "11", "12"),
        HIGHER_VOCATIONAL("高职", 16, 35, "13", "14", "15"),
        COLLEGE("大专及以上", 16, 60, "16");

        private final String label;
        private final int youngest;
        private final int oldest;
        private final List<String> codes;

        Level(String label, int youngest, int oldest, String... codes) {
            this.label = label;
            this.youngest = youngest;
            this.oldest = oldest;
            this.codes = List.of(codes);
        }

        /** The level of an A9 code; empty for none, 01 非在校生 and unknown codes. */
        static Optional<Level> of(String studentStatus) {
            if (studentStatus == null) {
                return Optional.empty();
            }
            return Stream.of(values()).filter(level -> level.codes.contains(studentStatus)).findFirst();
        }
    }

    @Override
    public String code() {
        return "age-school-level";
    }

    @Override
    public String title() {
        return "年龄与在校生状况不符";
    }

    @Override
    public Severity severity() {
        return Severity.FINDING;
    }

    @Override
    public List<Finding> check(HouseholdFacts facts) {
        return facts.activeMembers().stream().flatMap(member -> check(member, facts).stream()).toList();
    }

    private Optional<Finding> check(Member member, HouseholdFacts facts) {
        String status = member.indicators().studentStatus();
        OptionalInt age = facts.ageOf(member);
        Optional<Level> level = Level.of(status);
        if (age.isEmpty() || level.isEmpty()
                || (age.getAsInt() >= level.get().youngest && age.getAsInt() <= level.get().oldest)) {
            return Optional.empty();
        }
        return Optional.of(Finding.ofMember(this, member, "indicators.studentStatus", "A9",
                member.name() + " " + facts.year() + " 年底 " + age.getAsInt() + " 岁，在校生状况（A9 = " + status + "）为"
                        + level.get().label + "，该学段通常在 " + level.get().youngest + " 至 " + level.get().oldest + " 岁"));
    }
}
