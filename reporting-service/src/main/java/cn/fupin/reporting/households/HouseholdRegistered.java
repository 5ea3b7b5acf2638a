package cn.fupin.reporting.households;

import java.util.UUID;

/** Reporting's own view of household-service's {@code HouseholdRegistered.v1}: only what reports count. */
record HouseholdRegistered(UUID householdId, String category, String status, String divisionCode, int size) {
}
