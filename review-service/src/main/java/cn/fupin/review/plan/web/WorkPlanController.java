package cn.fupin.review.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.review.api.WorkPlansApi;
import cn.fupin.contracts.review.model.FunctionWindow;
import cn.fupin.contracts.review.model.FunctionWindowInput;
import cn.fupin.contracts.review.model.Phase;
import cn.fupin.contracts.review.model.WorkPlan;
import cn.fupin.contracts.review.model.WorkPlanInput;
import cn.fupin.contracts.review.model.YearlyPolicy;
import cn.fupin.contracts.review.model.YearlyPolicyInput;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.ETags;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.review.plan.FunctionWindows;
import cn.fupin.review.plan.PhaseCode;
import cn.fupin.review.plan.WorkPlans;

/** The year's work plan and the opening and closing of functions, over HTTP. */
@RestController
class WorkPlanController implements WorkPlansApi {

    private final WorkPlans plans;
    private final FunctionWindows windows;
    private final Clock clock;

    WorkPlanController(WorkPlans plans, FunctionWindows windows, Clock clock) {
        this.plans = plans;
        this.windows = windows;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<WorkPlan> getWorkPlan(Integer year) {
        cn.fupin.review.plan.WorkPlan plan = plans.find(year)
                .orElseThrow(() -> ApiException.notFound("年度工作方案", year));
        return ResponseEntity.ok().eTag(ETags.of((long) plan.revision())).body(toDto(plan));
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<WorkPlan> getWorkPlanTemplate(Integer year) {
        return ResponseEntity.ok(toDto(plans.template(year)));
    }

    @Override
    @PreAuthorize("hasRole('city-officer')")
    public ResponseEntity<WorkPlan> putWorkPlan(Integer year, WorkPlanInput input, String ifMatch) {
        YearlyPolicyInput policy = input.getPolicy();
        cn.fupin.review.plan.WorkPlan plan = plans.publish(year,
                input.getCloseAt() == null ? null : input.getCloseAt().toInstant(),
                input.getPhases().stream().map(p -> new cn.fupin.review.plan.Phase(PhaseCode.valueOf(p.getCode().getValue()),
                        p.getName(), p.getStartDate(), p.getEndDate())).toList(),
                policy == null ? null : new WorkPlans.PolicyAsked(policy.getAssessedYear(), policy.getPovertyLine(),
                        policy.getMonitoringLineFactor(), policy.getPublicityDaysMin()),
                ETags.version(ifMatch), Caller.current());
        return ResponseEntity.ok().eTag(ETags.of((long) plan.revision())).body(toDto(plan));
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<List<FunctionWindow>> listFunctionWindows(Integer year) {
        return ResponseEntity.ok(windows.list(year, Caller.current()).stream().map(WorkPlanController::toDto).toList());
    }

    @Override
    @PreAuthorize("hasRole('city-officer')")
    public ResponseEntity<FunctionWindow> changeFunctionWindow(Integer year, FunctionWindowInput input,
            String idempotencyKey) {
        FunctionWindows.Window window = windows.change(year, input.getAction().getValue(), input.getAreaCode(),
                input.getClosesAt() == null ? null : input.getClosesAt().toInstant(), input.getReason(),
                Caller.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(toDto(window));
    }

    private WorkPlan toDto(cn.fupin.review.plan.WorkPlan plan) {
        LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
        return new WorkPlan(plan.year(), plan.areaCode(), plan.timezone(),
                plan.closeAt().atZone(WorkYear.ZONE).toOffsetDateTime(),
                plan.phases().stream().map(p -> new Phase(Phase.CodeEnum.fromValue(p.code().name()), p.endDate())
                        .name(p.name()).startDate(p.startDate()).writable(p.code().writable())).toList(),
                toDto(plan.policy()), plan.revision(), plan.id() != null)
                .id(plan.id()).currentPhase(plan.phaseOn(today).map(p -> p.code().name()).orElse(null))
                .updatedBy(plan.updatedBy()).updatedAt(at(plan.updatedAt()));
    }

    private static YearlyPolicy toDto(cn.fupin.workplan.YearlyPolicy policy) {
        return new YearlyPolicy(policy.assessedYear(), policy.povertyLine(), policy.monitoringLineFactor(),
                policy.monitoringLine(), policy.publicityDaysMin());
    }

    private static FunctionWindow toDto(FunctionWindows.Window w) {
        return new FunctionWindow(w.id(), w.year(), w.areaCode(), FunctionWindow.ActionEnum.fromValue(w.action()),
                w.reason(), at(w.at()), w.by()).opensAt(at(w.opensAt())).closesAt(at(w.closesAt()))
                .comment(w.comment()).requestId(w.requestId());
    }

    private static OffsetDateTime at(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
