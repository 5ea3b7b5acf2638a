package cn.fupin.monitoring.warnings.web;

import java.time.ZoneOffset;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.monitoring.api.EarlyWarningsApi;
import cn.fupin.contracts.monitoring.model.EarlyWarning;
import cn.fupin.contracts.monitoring.model.EarlyWarningPage;
import cn.fupin.contracts.monitoring.model.WarningFact;
import cn.fupin.monitoring.warnings.EarlyWarnings;
import cn.fupin.platform.security.Caller;

/** The early-warning list over HTTP. */
@RestController
class EarlyWarningController implements EarlyWarningsApi {

    private final EarlyWarnings warnings;

    EarlyWarningController(EarlyWarnings warnings) {
        this.warnings = warnings;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<EarlyWarningPage> listEarlyWarnings(String areaCode, Integer page, Integer size) {
        EarlyWarnings.Page found = warnings.list(Caller.current().scope(), areaCode, page, size);
        return ResponseEntity.ok(new EarlyWarningPage(found.items().stream().map(c -> new EarlyWarning(
                c.householdId(), c.divisionCode(), c.category(), c.status(),
                c.warnings().stream().map(f -> new WarningFact(f.trigger().name(), f.trigger().label(),
                        f.raisedAt().atOffset(ZoneOffset.UTC)).facts(f.facts())).toList())
                .headName(c.headName()).size(c.size())).toList(), found.page(), found.size(), found.total()));
    }
}
