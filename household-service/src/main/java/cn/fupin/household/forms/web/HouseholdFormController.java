package cn.fupin.household.forms.web;

import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.HouseholdFormsApi;
import cn.fupin.household.forms.FormDownload;
import cn.fupin.household.forms.HouseholdForm;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.Member;
import cn.fupin.household.privacy.PersonalDataViews;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/** 信息采集表 for signature over HTTP: the registered data in full, so the view is recorded. */
@RestController
class HouseholdFormController implements HouseholdFormsApi {

    private final HouseholdQueries queries;
    private final HouseholdForm forms;
    private final PersonalDataViews views;

    HouseholdFormController(HouseholdQueries queries, HouseholdForm forms, PersonalDataViews views) {
        this.queries = queries;
        this.forms = forms;
        this.views = views;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getHouseholdForm(UUID householdId) {
        Caller caller = Caller.current();
        var household = queries.find(householdId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("户", householdId));
        byte[] form = forms.of(household, caller.username());
        views.record(caller, householdId, (int) household.getMembers().stream().filter(Member::active).count(),
                "getHouseholdForm");
        String head = household.getMembers().stream().filter(Member::isHead).map(Member::name).findFirst()
                .orElse(householdId.toString());
        return FormDownload.of(HouseholdForm.title(household) + "-" + head, form);
    }
}
