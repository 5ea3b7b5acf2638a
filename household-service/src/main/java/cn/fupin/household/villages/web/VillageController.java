package cn.fupin.household.villages.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.VillagesApi;
import cn.fupin.contracts.household.model.VillageYearInput;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.ETags;
import cn.fupin.household.villages.VillageYear;
import cn.fupin.household.villages.Villages;

/** Poor-village base data over HTTP. */
@RestController
class VillageController implements VillagesApi {

    private final Villages villages;

    VillageController(Villages villages) {
        this.villages = villages;
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
