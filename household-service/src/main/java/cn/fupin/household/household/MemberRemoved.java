package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.UUID;

/** 家庭成员自然减少 (form 3): a member left the household for a reason 1–8; they stay in its history. */
public record MemberRemoved(UUID householdId, String divisionCode, Category category, PovertyStatus status,
        UUID memberId, String relation, String gender, Integer birthYear, String reason, LocalDate effectiveDate,
        int size) implements HouseholdEvent {
}
