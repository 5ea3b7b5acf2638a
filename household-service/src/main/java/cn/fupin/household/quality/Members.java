package cn.fupin.household.quality;

import java.util.List;
import java.util.stream.Collectors;

import cn.fupin.household.household.Member;

/** What several rules read alike from a member's indicators. */
final class Members {

    /** A9 01 非在校生: the member is not a student, so A9 says nothing about a school level. */
    static final String NOT_A_STUDENT = "01";

    private Members() {
    }

    /** 在校生: A9 filled with a school level. */
    static boolean inSchool(Member member) {
        String status = member.indicators().studentStatus();
        return status != null && !NOT_A_STUDENT.equals(status);
    }

    /** 务工: some months of work in the year (A13 > 0). */
    static boolean working(Member member) {
        Integer months = member.indicators().workMonths();
        return months != null && months > 0;
    }

    /** Whether A10 健康状况 includes the code. */
    static boolean hasHealth(Member member, String code) {
        return member.indicators().health().contains(code);
    }

    /** The members' names for a message, e.g. 张三、李四. */
    static String names(List<Member> members) {
        return members.stream().map(Member::name).collect(Collectors.joining("、"));
    }
}
