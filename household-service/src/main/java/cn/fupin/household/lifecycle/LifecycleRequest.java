package cn.fupin.household.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * A status change asked for and sent to review; its id ties the review case back to it.
 *
 * @param reason why, where the request needs one (a clean-out)
 */
public record LifecycleRequest(UUID id, RequestType type, UUID householdId, int year, String state, String reason,
        String createdBy, Instant createdAt) {

    static final String PENDING = "PENDING";
}
