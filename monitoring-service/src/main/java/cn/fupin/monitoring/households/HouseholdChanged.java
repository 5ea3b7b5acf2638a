package cn.fupin.monitoring.households;

import cn.fupin.platform.events.EventEnvelope;

/**
 * A household event applied to the projection, published in the same transaction for the rules that react to
 * change (early warning): the summary before (null for a new household), after, and the event itself.
 */
public record HouseholdChanged(HouseholdSummary before, HouseholdSummary after, EventEnvelope event) {
}
