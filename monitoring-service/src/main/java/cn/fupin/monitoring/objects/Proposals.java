package cn.fupin.monitoring.objects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.monitoring.households.HouseholdSummaries;
import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.monitoring.warnings.EarlyWarnings;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.workplan.WorkWindows;
import cn.fupin.contracts.rules.WorkYear;

/**
 * Proposing a monitoring object (识别): form 5 finds an exited registered household by its head's ID number, form
 * 4 names a marginal household; risks 1–3 from the codebook, risk 1 required; one open object per household
 * (database constraint). The proposal goes to review; the household's early warnings count as acted on.
 */
@Service
public class Proposals {

    private final HouseholdSummaries households;
    private final MonitoringObjectStore store;
    private final ApplicationEventPublisher events;
    private final EarlyWarnings warnings;
    private final Codes codes;
    private final IdNumberHash idHash;
    private final WorkWindows windows;
    private final Clock clock;

    Proposals(HouseholdSummaries households, MonitoringObjectStore store, ApplicationEventPublisher events,
            EarlyWarnings warnings, Codes codes, IdNumberHash idHash, WorkWindows windows, Clock clock) {
        this.windows = windows;
        this.households = households;
        this.store = store;
        this.events = events;
        this.warnings = warnings;
        this.codes = codes;
        this.idHash = idHash;
        this.clock = clock;
    }

    /** @param appliedOn the day the household applied (申请日期); the day of entry when null, never later */
    public record Proposal(ObjectType type, int year, String headIdNumber, UUID householdId, List<String> risks,
            String note, LocalDate appliedOn) {
    }

    @Transactional
    public MonitoringObject propose(Proposal proposal, Caller caller) {
        codes.requireRisks("risks", proposal.risks());
        LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
        if (proposal.appliedOn() != null && proposal.appliedOn().isAfter(today)) {
            throw ApiException.invalid(List.of(new FieldError("appliedOn", null, "申请日期不能晚于今天")));
        }
        HouseholdSummary household = proposal.type() == ObjectType.UNSTABLE_EXITED ? exited(proposal, caller)
                : marginal(proposal, caller);
        windows.requireOpen(household.divisionCode());
        MonitoringObject object = MonitoringObject.propose(household.householdId(), proposal.type(),
                household.divisionCode(), proposal.year(), proposal.risks(), household.headName(), household.size(),
                household.perCapitaIncome(), caller.userId(), clock.instant());
        store.insert(object);
        store.addStatusChange(object.id(), new MonitoringObjectStore.StatusChange(MonitoringStatus.PROPOSED,
                clock.instant(), caller.userId(), null, proposal.note()));
        events.publishEvent(MonitoringObjectEvent.requested(object, household.perCapitaIncome(),
                proposal.appliedOn() != null ? proposal.appliedOn() : today));
        warnings.actedOn(household.householdId());
        return object;
    }

    /** A returned request, corrected, goes back to review under its id. */
    @Transactional
    public MonitoringObject resubmit(UUID id, List<String> risks, Caller caller) {
        MonitoringObject object = store.findForUpdate(id, caller.scope())
                .orElseThrow(() -> ApiException.notFound("监测对象", id));
        windows.requireOpen(object.divisionCode());
        if (risks != null) {
            codes.requireRisks("risks", risks);
        }
        object.resubmit(risks);
        store.update(object);
        store.addStatusChange(id, new MonitoringObjectStore.StatusChange(object.status(), clock.instant(),
                caller.userId(), null, "退回修改后重新报审"));
        HouseholdSummary household = households.find(object.householdId(), caller.scope()).orElse(null);
        events.publishEvent(MonitoringObjectEvent.requested(object,
                household == null ? null : household.perCapitaIncome(), null));
        return object;
    }

    /** 表 5: the household whose head holds the ID number, exited and registered. */
    private HouseholdSummary exited(Proposal proposal, Caller caller) {
        if (proposal.headIdNumber() == null || proposal.headIdNumber().isBlank()) {
            throw ApiException.invalid(List.of(new FieldError("headIdNumber", "A4", "脱贫不稳定户须填写户主证件号码")));
        }
        List<HouseholdSummary> found = households.byHead(idHash.candidates(proposal.headIdNumber()), caller.scope());
        if (found.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "household-not-found", "未找到户",
                    "在调用者的区划范围内没有以该证件号码为户主的户");
        }
        return found.stream().filter(HouseholdSummary::exitedRegistered).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "not-exited",
                        "不是已脱贫户", "脱贫不稳定户须为已脱贫的建档立卡户，该户当前为 " + found.getFirst().category()
                                + " / " + found.getFirst().status()));
    }

    /** 表 4: a marginal household of household-service. */
    private HouseholdSummary marginal(Proposal proposal, Caller caller) {
        if (proposal.householdId() == null) {
            throw ApiException.invalid(List.of(new FieldError("householdId", null, "边缘易致贫户须给出户 ID")));
        }
        HouseholdSummary household = households.find(proposal.householdId(), caller.scope())
                .orElseThrow(() -> ApiException.notFound("户", proposal.householdId()));
        if (!"MARGINAL".equals(household.category())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "not-marginal", "不是边缘易致贫户",
                    "表 4 只适用于边缘易致贫户，该户类别为 " + household.category());
        }
        return household;
    }
}
