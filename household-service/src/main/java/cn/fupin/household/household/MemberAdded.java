package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 家庭成员自然增加 (form 2): a member joined the household for a reason 1–6. */
public record MemberAdded(UUID householdId, String divisionCode, Category category, PovertyStatus status,
        UUID memberId, String relation, String gender, String idNumber, Integer birthYear, String ethnicity, String education,
        String studentStatus, List<String> health, String labourSkill, String reason, LocalDate effectiveDate,
        int size) {
}
