package cn.fupin.household.villages.web;

import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.household.api.VillagesApi;
import cn.fupin.contracts.household.model.VillageYearInput;
import cn.fupin.household.forms.FormDownload;
import cn.fupin.household.forms.MemberChangeForms;
import cn.fupin.platform.pdf.PrintedForm;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.privacy.PersonalDataViews;
import cn.fupin.household.villages.VillageYear;
import cn.fupin.household.villages.Villages;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.ETags;

/** Poor-village base data over HTTP, and a village's member-change forms (附件2, 附件3). */
@RestController
class VillageController implements VillagesApi {

    private final Villages villages;
    private final DivisionTree divisions;
    private final HouseholdQueries households;
    private final MemberChangeForms forms;
    private final PersonalDataViews views;

    VillageController(Villages villages, DivisionTree divisions, HouseholdQueries households, MemberChangeForms forms,
            PersonalDataViews views) {
        this.villages = villages;
        this.divisions = divisions;
        this.households = households;
        this.forms = forms;
        this.views = views;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getMemberIncreaseForm(String code, Integer year) {
        return memberChanges(code, year, true, "家庭成员自然增加情况表", "getMemberIncreaseForm", FormDownload.Format.XLSX);
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getMemberIncreaseFormPdf(String code, Integer year) {
        return memberChanges(code, year, true, "家庭成员自然增加情况表", "getMemberIncreaseFormPdf",
                FormDownload.Format.PDF);
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getMemberDecreaseForm(String code, Integer year) {
        return memberChanges(code, year, false, "家庭成员自然减少情况表", "getMemberDecreaseForm", FormDownload.Format.XLSX);
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getMemberDecreaseFormPdf(String code, Integer year) {
        return memberChanges(code, year, false, "家庭成员自然减少情况表", "getMemberDecreaseFormPdf",
                FormDownload.Format.PDF);
    }

    /** 附件2 or 附件3 of a village in the caller's area; each household on it is a recorded personal-data view. */
    private ResponseEntity<Resource> memberChanges(String code, int year, boolean increases, String title,
            String operation, FormDownload.Format format) {
        Caller caller = Caller.current();
        if (!divisions.isVillage(code) || !caller.scope().covers(code)) {
            throw ApiException.notFound("村", code);
        }
        List<Household> changed = households.withMemberChanges(code, year, increases);
        PrintedForm form = increases ? forms.increases(code, year, changed, caller.username())
                : forms.decreases(code, year, changed, caller.username());
        changed.forEach(household -> views.record(caller, household.getId(), (int) household.getMembers().stream()
                .filter(member -> increases ? member.joinedOn() != null : member.leftOn() != null).count() + 1,
                operation));
        return FormDownload.of(title + "-" + code + "-" + year, form, format);
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<cn.fupin.contracts.household.model.VillageYear> getVillageYear(String code, Integer year) {
        var stored = villages.find(code, year, Caller.current().scope())
                .orElseThrow(() -> ApiException.notFound("村年度信息", code + "/" + year));
        return ResponseEntity.ok().eTag(ETags.of(stored.version())).body(toDto(stored));
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    public ResponseEntity<cn.fupin.contracts.household.model.VillageYear> putVillageYear(String code, Integer year,
            VillageYearInput input, String ifMatch) {
        var stored = villages.put(code, year, new VillageYear(input.getPoorVillage(), input.getExitYear(),
                input.getRegisteredHouseholds(), input.getRegisteredPopulation(), input.getCollectiveIncome(),
                input.getHardenedRoad(), input.getSafeWater(), input.getElectricity(), input.getBroadband()),
                ETags.version(ifMatch), Caller.current().scope());
        return ResponseEntity.ok().eTag(ETags.of(stored.version())).body(toDto(stored));
    }

    private static cn.fupin.contracts.household.model.VillageYear toDto(Villages.Stored stored) {
        VillageYear data = stored.data();
        return new cn.fupin.contracts.household.model.VillageYear(stored.code(), stored.name(), stored.year(),
                data.poorVillage(), stored.version()).exitYear(data.exitYear())
                .registeredHouseholds(data.registeredHouseholds()).registeredPopulation(data.registeredPopulation())
                .collectiveIncome(data.collectiveIncome()).hardenedRoad(data.hardenedRoad()).safeWater(data.safeWater())
                .electricity(data.electricity()).broadband(data.broadband());
    }
}
