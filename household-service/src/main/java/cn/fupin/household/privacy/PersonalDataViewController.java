package cn.fupin.household.privacy;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.PrivacyApi;
import cn.fupin.contracts.household.model.PersonalDataView;
import cn.fupin.platform.security.Caller;

/** The record of full views of ID numbers, for the city office and auditors, inside their area. */
@RestController
class PersonalDataViewController implements PrivacyApi {

    private final PersonalDataViews views;

    PersonalDataViewController(PersonalDataViews views) {
        this.views = views;
    }

    @Override
    @PreAuthorize("hasAnyRole('city-officer', 'auditor')")
    public ResponseEntity<List<PersonalDataView>> listPersonalDataViews(UUID householdId, String viewer, Integer page,
            Integer size) {
        return ResponseEntity.ok(views.list(Caller.current().scope().prefix(), householdId, viewer, page, size)
                .stream().map(v -> new PersonalDataView(v.id(), v.viewer(), v.householdId(), v.idNumbers(),
                        v.operation(), v.at().atOffset(ZoneOffset.UTC)).viewerName(v.viewerName()))
                .toList());
    }
}
