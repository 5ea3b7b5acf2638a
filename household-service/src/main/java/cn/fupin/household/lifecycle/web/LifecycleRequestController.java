package cn.fupin.household.lifecycle.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.LifecycleRequestsApi;
import cn.fupin.contracts.household.model.ExitRequestInput;
import cn.fupin.contracts.household.model.LifecycleRequest;
import cn.fupin.contracts.household.model.PolicyVerificationInput;
import cn.fupin.contracts.household.model.ReturnRequestInput;
import cn.fupin.household.lifecycle.ExitRequests;
import cn.fupin.household.lifecycle.IdentificationRequests;
import cn.fupin.household.lifecycle.PolicyVerifications;
import cn.fupin.household.lifecycle.ReturnRequests;
import cn.fupin.platform.security.Caller;

/**
 * Status-change requests that go to review, over HTTP. Posting a request again while review has it returned for
 * correction resubmits it (202, same id).
 */
@RestController
class LifecycleRequestController implements LifecycleRequestsApi {

    private final ExitRequests exits;
    private final ReturnRequests returns;
    private final PolicyVerifications verifications;
    private final IdentificationRequests identifications;

    LifecycleRequestController(ExitRequests exits, ReturnRequests returns, PolicyVerifications verifications,
            IdentificationRequests identifications) {
        this.exits = exits;
        this.returns = returns;
        this.verifications = verifications;
        this.identifications = identifications;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<LifecycleRequest> requestIdentification(UUID householdId, String idempotencyKey) {
        return accepted(identifications.request(householdId, Caller.current()));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<LifecycleRequest> requestExit(UUID householdId, ExitRequestInput input,
            String idempotencyKey) {
        return accepted(exits.request(householdId, input.getYear(), input.getAppliedOn(), Caller.current()));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<LifecycleRequest> requestReturn(UUID householdId, ReturnRequestInput input,
            String idempotencyKey) {
        return accepted(returns.request(householdId, input.getYear(), input.getCauses(), input.getAppliedOn(),
                Caller.current()));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<LifecycleRequest> requestPolicyVerification(UUID householdId,
            PolicyVerificationInput input, String idempotencyKey) {
        return accepted(verifications.request(householdId,
                PolicyVerifications.Verdict.valueOf(input.getVerification().getValue()), input.getYear(),
                input.getReason(), input.getAppliedOn(), Caller.current()));
    }

    private static ResponseEntity<LifecycleRequest> accepted(cn.fupin.household.lifecycle.LifecycleRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new LifecycleRequest(request.id(),
                LifecycleRequest.TypeEnum.fromValue(request.type().name()), request.householdId(), request.year(),
                LifecycleRequest.StateEnum.fromValue(request.state())));
    }
}
