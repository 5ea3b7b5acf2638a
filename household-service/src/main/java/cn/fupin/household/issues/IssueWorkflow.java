package cn.fupin.household.issues;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.workplan.WorkWindows;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.security.Role;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/**
 * 问题数据核实整改 (work plan: field verification 12-11 … 12-20, correction 12-21 … 12-31): OPEN → VERIFIED when the
 * problem is confirmed in the field, or CLOSED when the data was right; VERIFIED → FIXED when the clerk reports the
 * correction; FIXED → CLOSED when the township or the city accepts it.
 */
@Service
public class IssueWorkflow {

    private final JdbcClient jdbc;
    private final DataIssueQueries queries;
    private final ApplicationEventPublisher events;
    private final WorkWindows windows;
    private final Clock clock;

    IssueWorkflow(JdbcClient jdbc, DataIssueQueries queries, ApplicationEventPublisher events, WorkWindows windows, Clock clock) {
        this.windows = windows;
        this.jdbc = jdbc;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    /** The result of the field verification. */
    public enum Verification {
        PROBLEM_CONFIRMED, NOT_A_PROBLEM
    }

    @Transactional
    public void verify(UUID issueId, Verification result, String comment, Caller caller) {
        Issue issue = load(issueId, caller);
        requireStatus(issue, "OPEN");
        if (result == Verification.NOT_A_PROBLEM) {
            if (comment == null || comment.isBlank()) {
                throw ApiException.invalid(List.of(new FieldError("comment", null, "核实无误须说明依据")));
            }
            close(issue, "CONFIRMED_CORRECT", comment, caller);
            return;
        }
        jdbc.sql("""
                update data_issue set status = 'VERIFIED', comment = :comment, verified_by = :by, updated_at = :now
                where id = :id""")
                .param("comment", comment).param("by", caller.userId()).param("now", now()).param("id", issueId)
                .update();
    }

    /** A clerk reports the correction; a township or city officer accepts a reported one and closes it. */
    @Transactional
    public void resolve(UUID issueId, String comment, Caller caller) {
        Issue issue = load(issueId, caller);
        if ("VERIFIED".equals(issue.status()) && caller.has(Role.VILLAGE_CLERK)) {
            jdbc.sql("""
                    update data_issue set status = 'FIXED', comment = coalesce(:comment, comment), resolved_by = :by,
                        updated_at = :now where id = :id""")
                    .param("comment", comment).param("by", caller.userId()).param("now", now()).param("id", issueId)
                    .update();
            return;
        }
        if ("FIXED".equals(issue.status()) && (caller.has(Role.TOWNSHIP_OFFICER) || caller.has(Role.CITY_OFFICER))) {
            close(issue, "CORRECTED", comment, caller);
            return;
        }
        throw ApiException.conflict("invalid-transition", "问题当前状态为 " + issue.status()
                + "：村级信息员对已核实的问题报告整改，乡镇或市级对已整改的问题销号");
    }

    private void close(Issue issue, String resolution, String comment, Caller caller) {
        jdbc.sql("""
                update data_issue set status = 'CLOSED', resolution = :resolution, comment = coalesce(:comment, comment),
                    resolved_by = :by, updated_at = :now where id = :id""")
                .param("resolution", resolution).param("comment", comment).param("by", caller.userId())
                .param("now", now()).param("id", issue.id()).update();
        events.publishEvent(new DataIssueResolved(issue.id(), issue.householdId(), issue.divisionCode(), issue.year(),
                        issue.ruleCode(), resolution, comment, "CLOSED"));
    }

    private Issue load(UUID issueId, Caller caller) {
        return jdbc.sql("""
                select id, household_id, division_code, year, rule_code, status from data_issue
                where id = :id for update""")
                .param("id", issueId)
                .query((rs, n) -> new Issue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .optional().filter(issue -> caller.scope().covers(issue.divisionCode()))
                .map(issue -> {
                    windows.requireOpen(issue.divisionCode());
                    return issue;
                })
                .orElseThrow(() -> ApiException.notFound("问题数据", issueId));
    }

    private static void requireStatus(Issue issue, String expected) {
        if (!expected.equals(issue.status())) {
            throw ApiException.conflict("invalid-transition", "问题当前状态为 " + issue.status() + "，不能再核实");
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private record Issue(UUID id, UUID householdId, String divisionCode, int year, String ruleCode, String status) {
    }

    /** The issue as the API shows it after the change. */
    public cn.fupin.contracts.household.model.DataIssue view(UUID issueId) {
        return queries.one(issueId);
    }
}
