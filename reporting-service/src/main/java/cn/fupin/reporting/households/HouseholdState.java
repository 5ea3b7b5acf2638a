package cn.fupin.reporting.households;

import java.util.UUID;

/**
 * Reporting's own view of the household events that carry a household's current state
 * ({@code HouseholdRegistered}, {@code MemberAdded}, {@code MemberRemoved}, v1): only what reports count.
 */
record HouseholdState(UUID householdId, String category, String status, String divisionCode, int size) {
}
