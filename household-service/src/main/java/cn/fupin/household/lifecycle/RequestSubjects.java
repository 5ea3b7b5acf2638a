package cn.fupin.household.lifecycle;

import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.workplan.WorkWindows;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/** The household a request is about: inside the caller's area, with its township's functions open. */
@Component
class RequestSubjects {

    private final HouseholdQueries households;
    private final WorkWindows windows;

    RequestSubjects(HouseholdQueries households, WorkWindows windows) {
        this.households = households;
        this.windows = windows;
    }

    Household load(UUID householdId, Caller caller) {
        Household household = households.find(householdId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("户", householdId));
        windows.requireOpen(household.getDivisionCode());
        return household;
    }
}
