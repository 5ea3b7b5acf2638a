package cn.fupin.household.lifecycle;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.web.ApiException;

/** The requests sent to review, and their outcome once review has decided. */
@Repository
class LifecycleRequests {

    private final JdbcClient jdbc;

    LifecycleRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a pending request; a second pending request of the same type for the household is a conflict. */
    void open(LifecycleRequest request) {
        try {
            jdbc.sql("""
                    insert into lifecycle_request (id, household_id, type, year, state, reason, created_by, created_at)
                    values (:id, :household, :type, :year, :state, :reason, :by, :at)""")
                    .param("id", request.id()).param("household", request.householdId())
                    .param("type", request.type().name()).param("year", request.year())
                    .param("state", request.state()).param("reason", request.reason()).param("by", request.createdBy())
                    .param("at", Timestamp.from(request.createdAt())).update();
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("request-pending", "该户已有待审核的同类申请");
        }
    }

    /** The pending request a review outcome answers: by its id when the outcome names it, else by household. */
    Optional<Pending> pending(UUID requestId, UUID householdId, RequestType type) {
        return jdbc.sql("""
                select id, reason from lifecycle_request where state = 'PENDING' and household_id = :household
                and type = :type and (cast(:id as uuid) is null or id = :id)""")
                .param("id", requestId).param("household", householdId).param("type", type.name())
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** A request still waiting for review, with the reason it was made for. */
    record Pending(UUID id, String reason) {
    }

    /** Records review's outcome; reasons (of a rejection) are kept with the request. */
    void decide(UUID id, String state, String reasons) {
        jdbc.sql("update lifecycle_request set state = :state, reasons = :reasons where id = :id")
                .param("state", state).param("reasons", reasons).param("id", id).update();
    }
}
