package cn.fupin.review.functions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.review.cases.CaseDecided;
import cn.fupin.review.cases.CaseOpenings;
import cn.fupin.review.cases.CaseState;
import cn.fupin.review.cases.CaseType;
import cn.fupin.review.cases.Decisions;
import cn.fupin.review.cases.ReviewCase;
import cn.fupin.review.cases.ReviewCaseStore;
import cn.fupin.review.plan.FunctionWindows;
import cn.fupin.review.plan.PhaseCode;
import cn.fupin.review.plan.WorkPlan;
import cn.fupin.review.plan.WorkPlans;
import tools.jackson.databind.json.JsonMapper;

/**
 * 系统功能开通申请: a township, its field work done, reports in writing and asks the city office to open its
 * functions. The request is a review case of its own type (city stage only, by default); its approval opens the
 * township's window in the same transaction.
 */
@Service
public class FunctionRequests {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WorkPlans plans;
    private final FunctionWindows windows;
    private final CaseOpenings openings;
    private final Decisions decisions;
    private final ReviewCaseStore cases;
    private final DivisionTree areas;
    private final Clock clock;

    FunctionRequests(JdbcClient jdbc, JsonMapper json, WorkPlans plans, FunctionWindows windows,
            CaseOpenings openings, Decisions decisions, ReviewCaseStore cases, DivisionTree areas, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.plans = plans;
        this.windows = windows;
        this.openings = openings;
        this.decisions = decisions;
        this.cases = cases;
        this.areas = areas;
        this.clock = clock;
    }

    /** The written completion report (书面完成情况报告): text, a document reference, or both. */
    public record Report(String title, String content, String reference) {
    }

    public record FunctionRequest(UUID id, int year, String townshipCode, String townshipName, Report report,
            CaseState state, boolean late, String submittedBy, Instant submittedAt, UUID caseId) {
    }

    @Transactional
    public FunctionRequest submit(int year, String townshipCode, Report report, Caller caller) {
        String township = caller.scope().prefix();
        if (township.length() != 9) {
            throw new ApiException(HttpStatus.FORBIDDEN, "township-only", "仅乡镇可申请",
                    "系统功能开通由乡镇（区划代码 9 位的 township-officer）申请");
        }
        if (townshipCode != null && !townshipCode.equals(township)) {
            throw ApiException.notFound("乡镇", townshipCode);
        }
        WorkPlan plan = plans.require(year);
        Instant now = clock.instant();
        if (plan.closedAt(now)) {
            throw ApiException.conflict("year-closed", year + " 年度系统已关闭，不能再申请开通");
        }
        if (approved(year, township)) {
            throw ApiException.conflict("functions-already-opened", "本乡镇 " + year + " 年度的系统功能已开通");
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
        boolean late = plan.phase(PhaseCode.REPORT_AND_FUNCTION_OPENING).map(p -> p.endedBy(today)).orElse(false);
        UUID id = UUID.randomUUID();
        ReviewCase reviewCase = openings.open(new CaseOpenings.Request(CaseType.FUNCTION_OPENING, id.toString(),
                township, year, id, null, caller.userId(), null, snapshot(township, year, report)));
        try {
            jdbc.sql("""
                    insert into function_request (id, year, township_code, title, content, reference, state, late,
                        submitted_by, submitted_at, case_id)
                    values (:id, :year, :township, :title, :content, :reference, 'IN_REVIEW', :late, :by, :at, :case)""")
                    .param("id", id).param("year", year).param("township", township).param("title", report.title())
                    .param("content", report.content()).param("reference", report.reference()).param("late", late)
                    .param("by", caller.userId()).param("at", Timestamp.from(now)).param("case", reviewCase.id())
                    .update();
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("request-pending", "本乡镇已有待审批的功能开通申请");
        }
        return find(id, caller).orElseThrow();
    }

    /** The city office's decision, taken as a decision on the request's case. */
    @Transactional
    public FunctionRequest decide(UUID id, Decisions.Asked asked, Caller caller) {
        FunctionRequest request = find(id, caller).orElseThrow(() -> ApiException.notFound("功能开通申请", id));
        decisions.decide(request.caseId(), asked, null, caller);
        return find(id, caller).orElseThrow();
    }

    /** A returned request, its report corrected, goes back to the city office. */
    @Transactional
    public FunctionRequest resubmit(UUID id, Report report, Caller caller) {
        FunctionRequest request = find(id, caller).orElseThrow(() -> ApiException.notFound("功能开通申请", id));
        if (!caller.scope().prefix().equals(request.townshipCode())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "township-only", "仅申请乡镇可重新提交", "退回的申请由申请乡镇修改后重新提交");
        }
        ReviewCase reviewCase = cases.findForUpdate(request.caseId(), caller.scope()).orElseThrow();
        if (reviewCase.state() != CaseState.RETURNED) {
            throw ApiException.conflict("not-returned", "只有被退回的申请可以重新提交");
        }
        openings.resubmit(reviewCase, new CaseOpenings.Request(CaseType.FUNCTION_OPENING, id.toString(),
                request.townshipCode(), request.year(), id, null, caller.userId(), null,
                snapshot(request.townshipCode(), request.year(), report)));
        jdbc.sql("""
                update function_request set title = :title, content = :content, reference = :reference,
                    state = 'IN_REVIEW' where id = :id""")
                .param("title", report.title()).param("content", report.content())
                .param("reference", report.reference()).param("id", id).update();
        return find(id, caller).orElseThrow();
    }

    /** Keeps the request's state with its case's; an approval opens the township's functions. */
    @EventListener
    void on(CaseDecided decided) {
        ReviewCase reviewCase = decided.reviewCase();
        if (reviewCase.type() != CaseType.FUNCTION_OPENING) {
            return;
        }
        jdbc.sql("update function_request set state = :state where case_id = :case")
                .param("state", reviewCase.state().name()).param("case", reviewCase.id()).update();
        if (decided.outcome() == ReviewCase.Outcome.APPROVED) {
            windows.openForRequest(reviewCase.year(), reviewCase.areaCode(), reviewCase.id(), reviewCase.requestId(),
                    reviewCase.lastDecision().decidedBy());
        }
    }

    public Optional<FunctionRequest> find(UUID id, Caller caller) {
        return query("id = :id", caller).param("id", id).query(this::row).optional();
    }

    public List<FunctionRequest> list(Integer year, Caller caller) {
        return query("(cast(:year as integer) is null or year = :year)", caller).param("year", year)
                .query(this::row).list();
    }

    private JdbcClient.StatementSpec query(String where, Caller caller) {
        String scope = caller.scope().prefix();
        return jdbc.sql("""
                select id, year, township_code, title, content, reference, state, late, submitted_by, submitted_at,
                    case_id from function_request where %s and township_code like :scope
                order by submitted_at desc""".formatted(where))
                .param("scope", (scope.length() > 9 ? scope.substring(0, 9) : scope) + "%");
    }

    private FunctionRequest row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String township = rs.getString("township_code");
        return new FunctionRequest(rs.getObject("id", UUID.class), rs.getInt("year"), township,
                areas.find(township).map(DivisionTree.Division::name).orElse(township),
                new Report(rs.getString("title"), rs.getString("content"), rs.getString("reference")),
                CaseState.valueOf(rs.getString("state")), rs.getBoolean("late"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getObject("case_id", UUID.class));
    }

    private boolean approved(int year, String township) {
        return jdbc.sql("select count(*) > 0 from function_request where year = :year and township_code = :township"
                + " and state = 'APPROVED'").param("year", year).param("township", township)
                .query(Boolean.class).single();
    }

    private String snapshot(String township, int year, Report report) {
        return json.writeValueAsString(new Snapshot(township,
                areas.find(township).map(DivisionTree.Division::name).orElse(township), year, report));
    }

    private record Snapshot(String townshipCode, String townshipName, int year, Report report) {
    }
}
