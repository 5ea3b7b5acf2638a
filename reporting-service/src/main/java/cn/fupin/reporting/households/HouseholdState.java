package cn.fupin.reporting.households;

import java.util.UUID;

/**
 * Reporting's own view of the household events that carry a household's current state
 * (registration, member changes and the status changes review approved, v1): only what reports count.
 */
record HouseholdState(UUID householdId, String category, String status, String divisionCode, int size) {
}
