package cn.fupin.household.issues;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.household.annual.AnnualRecordSubmitted;
import cn.fupin.household.household.HelpersAssigned;
import cn.fupin.household.household.HouseholdRegistered;
import cn.fupin.household.household.HouseholdUpdated;
import cn.fupin.household.household.MemberAdded;
import cn.fupin.household.household.MemberRemoved;

/** Every change of a household's data re-runs the quality rules for it, in the same transaction. */
@Component
class DataIssueTriggers {

    private final DataIssues issues;
    private final Clock clock;

    DataIssueTriggers(DataIssues issues, Clock clock) {
        this.issues = issues;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdRegistered event) {
        thisYear(event.householdId());
    }

    @EventListener
    void on(HouseholdUpdated event) {
        thisYear(event.householdId());
    }

    @EventListener
    void on(HelpersAssigned event) {
        thisYear(event.householdId());
    }

    @EventListener
    void on(MemberAdded event) {
        thisYear(event.householdId());
    }

    @EventListener
    void on(MemberRemoved event) {
        thisYear(event.householdId());
    }

    /**
     * A record entered here; not one taken over from the national registry's export, which is the registry's data
     * as loaded with its household (neither is checked as it arrives: the import's households are checked together by
     * a self-check, {@link SelfChecks}).
     */
    @EventListener
    void on(AnnualRecordSubmitted event) {
        if (event.origin() == null) {
            issues.reevaluate(event.householdId(), event.year());
        }
    }

    private void thisYear(UUID householdId) {
        issues.reevaluate(householdId, WorkYear.of(clock));
    }
}
