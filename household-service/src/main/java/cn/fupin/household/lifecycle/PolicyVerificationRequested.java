package cn.fupin.household.lifecycle;

import java.time.LocalDate;
import java.util.UUID;

import cn.fupin.household.household.HouseholdEvent;

/** The verification of a “脱贫不享受政策” household goes to review: confirm it, or clear it out (with reason). */
public record PolicyVerificationRequested(UUID requestId, String caseType, UUID householdId, String divisionCode,
        String category, String status, int size, int year, String headName, String verification, String reason,
        String perCapitaIncome, LocalDate appliedOn) implements HouseholdEvent {
}
