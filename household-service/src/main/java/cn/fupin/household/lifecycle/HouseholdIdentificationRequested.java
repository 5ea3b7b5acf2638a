package cn.fupin.household.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.fupin.household.household.HouseholdEvent;

/** A new poor-household candidate (form 1) is sent to review (新识别: village → township → city). */
public record HouseholdIdentificationRequested(UUID requestId, String caseType, UUID householdId,
        String divisionCode, String category, String status, int size, int year, String headName,
        String identificationStandard, List<String> causes, LocalDate appliedOn) implements HouseholdEvent {
}
