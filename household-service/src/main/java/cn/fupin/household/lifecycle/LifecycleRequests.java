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
                    insert into lifecycle_request (id, household_id, type, year, state, created_by, created_at)
                    values (:id, :household, :type, :year, :state, :by, :at)""")
                    .param("id", request.id()).param("household", request.householdId())
                    .param("type", request.type().name()).param("year", request.year())
                    .param("state", request.state()).param("by", request.createdBy())
                    .param("at", Timestamp.from(request.createdAt())).update();
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("request-pending", "该户已有待审核的同类申请");
        }
    }

    /** The pending request a review outcome answers: by its id when the outcome names it, else by household. */
    Optional<UUID> pending(UUID requestId, UUID householdId, RequestType type) {
        return jdbc.sql("""
                select id from lifecycle_request where state = 'PENDING' and household_id = :household
                and type = :type and (cast(:id as uuid) is null or id = :id)""")
                .param("id", requestId).param("household", householdId).param("type", type.name())
                .query(UUID.class).optional();
    }

    /** Records review's outcome; reasons (of a rejection) are kept with the request. */
    void decide(UUID id, String state, String reasons) {
        jdbc.sql("update lifecycle_request set state = :state, reasons = :reasons where id = :id")
                .param("state", state).param("reasons", reasons).param("id", id).update();
    }
}
