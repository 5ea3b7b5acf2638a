package cn.fupin.monitoring.objects.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.monitoring.api.MonitoringObjectsApi;
import cn.fupin.contracts.monitoring.model.AssessmentInput;
import cn.fupin.contracts.monitoring.model.AssistanceInput;
import cn.fupin.contracts.monitoring.model.MonitoringObject;
import cn.fupin.contracts.monitoring.model.MonitoringObjectPage;
import cn.fupin.contracts.monitoring.model.MonitoringStatus;
import cn.fupin.contracts.monitoring.model.ObjectType;
import cn.fupin.contracts.monitoring.model.ProposeMonitoringObject;
import cn.fupin.contracts.monitoring.model.ReopeningInput;
import cn.fupin.contracts.monitoring.model.ResubmissionInput;
import cn.fupin.monitoring.objects.Codes;
import cn.fupin.monitoring.objects.MonitoringObjectStore;
import cn.fupin.monitoring.objects.Proposals;
import cn.fupin.monitoring.objects.Reopenings;
import cn.fupin.monitoring.objects.Tracking;
import cn.fupin.monitoring.households.HouseholdSummaries;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.ETags;

/** Monitoring objects over HTTP: propose, read, assistance, assessments, resubmission, reopening. */
@RestController
class MonitoringObjectController implements MonitoringObjectsApi {

    private static final String WRITERS = "hasAnyRole('village-clerk', 'township-officer', 'city-officer')";
    private static final String READERS = "hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')";

    private final Proposals proposals;
    private final Tracking tracking;
    private final Reopenings reopenings;
    private final MonitoringObjectStore store;
    private final MonitoringWebMapper mapper;
    private final Codes codes;
    private final HouseholdSummaries households;

    MonitoringObjectController(Proposals proposals, Tracking tracking, Reopenings reopenings,
            MonitoringObjectStore store, MonitoringWebMapper mapper, Codes codes, HouseholdSummaries households) {
        this.households = households;
        this.proposals = proposals;
        this.tracking = tracking;
        this.reopenings = reopenings;
        this.store = store;
        this.mapper = mapper;
        this.codes = codes;
    }

    @Override
    @PreAuthorize(READERS)
    public ResponseEntity<MonitoringObjectPage> listMonitoringObjects(String areaCode, ObjectType objectType,
            MonitoringStatus status, Integer year, Integer page, Integer size) {
        MonitoringObjectStore.Page found = store.search(Caller.current().scope().narrow(areaCode),
                objectType == null ? null : cn.fupin.monitoring.objects.ObjectType.valueOf(objectType.getValue()),
                status == null ? null : cn.fupin.monitoring.objects.MonitoringStatus.valueOf(status.getValue()), year,
                page, size);
        return ResponseEntity.ok(new MonitoringObjectPage(found.items().stream().map(mapper::toSummary).toList(),
                found.page(), found.size(), found.total()));
    }

    @Override
    @PreAuthorize(WRITERS)
    public ResponseEntity<MonitoringObject> proposeMonitoringObject(ProposeMonitoringObject input,
            String idempotencyKey) {
        Caller caller = Caller.current();
        var object = proposals.propose(new Proposals.Proposal(
                cn.fupin.monitoring.objects.ObjectType.valueOf(input.getObjectType().getValue()), input.getYear(),
                input.getHeadIdNumber(), input.getHouseholdId(), List.copyOf(input.getRisks()), input.getNote(),
                input.getAppliedOn()), caller);
        MonitoringObject body = current(object.id(), caller);
        return ResponseEntity.created(URI.create("/api/v1/monitoring-objects/" + object.id()))
                .eTag(ETags.of((long) body.getVersion())).body(body);
    }

    @Override
    @PreAuthorize(READERS)
    public ResponseEntity<MonitoringObject> getMonitoringObject(UUID objectId) {
        MonitoringObject body = current(objectId, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of((long) body.getVersion())).body(body);
    }

    @Override
    @PreAuthorize(WRITERS)
    public ResponseEntity<MonitoringObject> recordAssistance(UUID objectId, AssistanceInput input, String ifMatch,
            String idempotencyKey) {
        Caller caller = Caller.current();
        tracking.recordAssistance(objectId, new Tracking.AssistanceInput(input.getMeasure(), input.getContent(),
                input.getAmount(),
                input.getDate(), input.getResponsiblePerson()), ETags.version(ifMatch), caller);
        return created(objectId, caller);
    }

    @Override
    @PreAuthorize(WRITERS)
    public ResponseEntity<MonitoringObject> assessRisk(UUID objectId, AssessmentInput input, String ifMatch,
            String idempotencyKey) {
        Caller caller = Caller.current();
        tracking.assess(objectId, new Tracking.AssessmentInput(input.getAssessedOn(), List.copyOf(input.getRisks()),
                input.getRiskEliminated(), input.getNote(), input.getOverrideReason()), ETags.version(ifMatch),
                caller);
        return created(objectId, caller);
    }

    @Override
    @PreAuthorize(WRITERS)
    public ResponseEntity<MonitoringObject> resubmitMonitoringRequest(UUID objectId, ResubmissionInput input,
            String idempotencyKey) {
        Caller caller = Caller.current();
        proposals.resubmit(objectId, input.getRisks() == null || input.getRisks().isEmpty() ? null
                : List.copyOf(input.getRisks()), caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(current(objectId, caller));
    }

    @Override
    @PreAuthorize(WRITERS)
    public ResponseEntity<MonitoringObject> reopenMonitoringObject(UUID objectId, ReopeningInput input,
            String idempotencyKey) {
        Caller caller = Caller.current();
        reopenings.reopen(objectId, List.copyOf(input.getRisks()), input.getReason(), caller);
        return ResponseEntity.ok(current(objectId, caller));
    }

    private ResponseEntity<MonitoringObject> created(UUID id, Caller caller) {
        MonitoringObject body = current(id, caller);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of((long) body.getVersion())).body(body);
    }

    private MonitoringObject current(UUID id, Caller caller) {
        var object = store.find(id, caller.scope()).orElseThrow(() -> ApiException.notFound("监测对象", id));
        return mapper.toDto(object, store.history(id), store.assistance(id), store.assessments(id),
                households.find(object.householdId(), caller.scope()).orElse(null), codes);
    }
}
