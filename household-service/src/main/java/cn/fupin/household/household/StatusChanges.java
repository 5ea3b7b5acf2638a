package cn.fupin.household.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Applies the status changes that review approved; runs inside the consumer's transaction. */
@Service
public class StatusChanges {

    private final HouseholdRepository households;
    private final Clock clock;

    StatusChanges(HouseholdRepository households, Clock clock) {
        this.households = households;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(UUID householdId, StatusChange change, UUID caseId, int year, LocalDate effectiveDate,
            String reason) {
        Household household = households.findById(householdId)
                .orElseThrow(() -> new IllegalStateException("review " + caseId + " names no household " + householdId));
        household.applyApproved(change, caseId, year, effectiveDate, reason, clock.instant());
        households.save(household);
    }
}
