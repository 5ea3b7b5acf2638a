package cn.fupin.household.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.fupin.household.household.HouseholdEvent;

/** An exited household asks to be poor again (返贫) for the causes given; review decides. */
public record HouseholdReturnRequested(UUID requestId, String caseType, UUID householdId, String divisionCode,
        String category, String status, int size, int year, String headName, List<String> causes,
        String perCapitaIncome, LocalDate appliedOn) implements HouseholdEvent {
}
