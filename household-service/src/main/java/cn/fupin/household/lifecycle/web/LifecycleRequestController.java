package cn.fupin.household.lifecycle.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.LifecycleRequestsApi;
import cn.fupin.contracts.household.model.ExitRequestInput;
import cn.fupin.contracts.household.model.LifecycleRequest;
import cn.fupin.household.lifecycle.ExitRequests;
import cn.fupin.platform.security.Caller;

/** Status-change requests that go to review, over HTTP. */
@RestController
class LifecycleRequestController implements LifecycleRequestsApi {

    private final ExitRequests exits;

    LifecycleRequestController(ExitRequests exits) {
        this.exits = exits;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<LifecycleRequest> requestExit(UUID householdId, ExitRequestInput input,
            String idempotencyKey) {
        var request = exits.request(householdId, input.getYear(), Caller.current());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new LifecycleRequest(request.id(),
                LifecycleRequest.TypeEnum.fromValue(request.type().name()), request.householdId(), request.year(),
                LifecycleRequest.StateEnum.fromValue(request.state())));
    }
}
