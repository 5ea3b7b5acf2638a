package cn.fupin.household.lifecycle;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.web.ApiException;

/** The requests sent to review, returned by it for correction, and their outcome once review has decided. */
@Repository
class LifecycleRequests {

    private final JdbcClient jdbc;

    LifecycleRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new pending request or, when review returned one of the same type for correction (退回修改), sends
     * that one again: back to PENDING under its own id, with the new year and reason, so review takes it as the
     * resubmission of its case. A request of the type still pending is a conflict.
     *
     * @return the request as stored: the given one, or the returned one resubmitted
     */
    LifecycleRequest submit(LifecycleRequest request) {
        return jdbc.sql("""
                update lifecycle_request set state = 'PENDING', year = :year, reason = :reason, reasons = null
                where household_id = :household and type = :type and state = 'RETURNED'
                returning id, created_by, created_at""")
                .param("year", request.year()).param("reason", request.reason())
                .param("household", request.householdId()).param("type", request.type().name())
                .query((rs, n) -> new LifecycleRequest(rs.getObject(1, UUID.class), request.type(),
                        request.householdId(), request.year(), LifecycleRequest.PENDING, request.reason(),
                        rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional().orElseGet(() -> open(request));
    }

    private LifecycleRequest open(LifecycleRequest request) {
        try {
            jdbc.sql("""
                    insert into lifecycle_request (id, household_id, type, year, state, reason, created_by, created_at)
                    values (:id, :household, :type, :year, :state, :reason, :by, :at)""")
                    .param("id", request.id()).param("household", request.householdId())
                    .param("type", request.type().name()).param("year", request.year())
                    .param("state", request.state()).param("reason", request.reason()).param("by", request.createdBy())
                    .param("at", Timestamp.from(request.createdAt())).update();
            return request;
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("request-pending", "该户已有待审核的同类申请");
        }
    }

    /**
     * The request a review event answers while review has not decided it (pending, or returned for correction):
     * by its id when the event names it, else by household and type.
     */
    Optional<Undecided> undecided(UUID requestId, UUID householdId, RequestType type) {
        return jdbc.sql("""
                select id, reason from lifecycle_request where state in ('PENDING', 'RETURNED')
                and household_id = :household and type = :type and (cast(:id as uuid) is null or id = :id)""")
                .param("id", requestId).param("household", householdId).param("type", type.name())
                .query((rs, n) -> new Undecided(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** A request review has not decided yet, with the reason it was made for. */
    record Undecided(UUID id, String reason) {
    }

    /** Records review's outcome or return; the reviewers' reasons (of a rejection or return) are kept with it. */
    void decide(UUID id, String state, String reasons) {
        jdbc.sql("update lifecycle_request set state = :state, reasons = :reasons where id = :id")
                .param("state", state).param("reasons", reasons).param("id", id).update();
    }
}
