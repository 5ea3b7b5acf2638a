package cn.fupin.household.forms.web;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.household.api.HouseholdFormsApi;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.forms.FormDownload;
import cn.fupin.household.forms.FormLayout;
import cn.fupin.household.forms.FormTemplates;
import cn.fupin.household.forms.HouseholdForm;
import cn.fupin.platform.pdf.PrintedForm;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.Member;
import cn.fupin.household.privacy.PersonalDataViews;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/**
 * 信息采集表 over HTTP: a household's for signature (the registered data in full, so the view is recorded), and the
 * blank forms 1–4 to fill and import.
 */
@RestController
class HouseholdFormController implements HouseholdFormsApi {

    private final HouseholdQueries queries;
    private final HouseholdForm forms;
    private final FormTemplates templates;
    private final DivisionTree divisions;
    private final PersonalDataViews views;
    private final AnnualRecords annualRecords;

    HouseholdFormController(HouseholdQueries queries, HouseholdForm forms, FormTemplates templates,
            DivisionTree divisions, PersonalDataViews views, AnnualRecords annualRecords) {
        this.annualRecords = annualRecords;
        this.queries = queries;
        this.forms = forms;
        this.templates = templates;
        this.divisions = divisions;
        this.views = views;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getFormTemplate(Integer form, String village) {
        FormLayout layout = FormLayout.of(form).orElseThrow(() -> ApiException.invalid(List.of(
                new FieldError("form", null, "表号须为 1–4（表 5 由监测对象服务提供）"))));
        String place = null;
        if (village != null) {
            Caller.current().scope().narrow(village);
            DivisionTree.Division division = divisions.find(village).filter(d -> divisions.isVillage(d.code()))
                    .orElseThrow(() -> ApiException.notFound("村", village));
            String township = divisions.find(division.parentCode()).map(DivisionTree.Division::name).orElse("");
            place = township + " " + division.name() + "（" + village + "）";
        }
        return FormDownload.of(layout.annex() + "-" + layout.title() + "-空白", templates.blank(layout, place));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getHouseholdForm(UUID householdId) {
        return form(householdId, FormDownload.Format.XLSX, "getHouseholdForm");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getHouseholdFormPdf(UUID householdId) {
        return form(householdId, FormDownload.Format.PDF, "getHouseholdFormPdf");
    }

    private ResponseEntity<Resource> form(UUID householdId, FormDownload.Format format, String operation) {
        Caller caller = Caller.current();
        var household = queries.find(householdId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("户", householdId));
        PrintedForm form = forms.of(household, annualRecords.latest(List.of(householdId)).get(householdId),
                caller.username());
        views.record(caller, householdId, (int) household.getMembers().stream().filter(Member::active).count(),
                operation);
        String head = household.getMembers().stream().filter(Member::isHead).map(Member::name).findFirst()
                .orElse(householdId.toString());
        return FormDownload.of(HouseholdForm.title(household) + "-" + head, form, format);
    }
}
