package cn.fupin.household.quality;

import java.util.UUID;

import cn.fupin.household.household.Member;

/**
 * A problem a rule found (问题数据项).
 *
 * @param rule the rule's code
 * @param severity the rule's severity
 * @param field the field at fault: of the member when {@code memberId} is set, else of the household or its record
 * @param indicator the national indicator, e.g. {@code A5}; null when none applies
 * @param memberId the member at fault; null for a household-level problem
 * @param message what is wrong, in Chinese, naming the member and the indicator
 */
public record Finding(String rule, Severity severity, String field, String indicator, UUID memberId,
        String message) {

    static Finding ofMember(QualityRule rule, Member member, String field, String indicator, String message) {
        return new Finding(rule.code(), rule.severity(), field, indicator, member.memberId(), message);
    }

    static Finding ofHousehold(QualityRule rule, String field, String indicator, String message) {
        return new Finding(rule.code(), rule.severity(), field, indicator, null, message);
    }
}
