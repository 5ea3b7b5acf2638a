package cn.fupin.reporting.rebuild;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.reporting.api.ReadModelsApi;
import cn.fupin.contracts.reporting.model.Rebuild;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/** The admin endpoint of read-model rebuilds: the city office starts one and follows it. */
@RestController
class RebuildController implements ReadModelsApi {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    @PreAuthorize("hasRole('city-officer')")
    public ResponseEntity<Rebuild> startRebuild(String idempotencyKey) {
        if (Caller.current().scope().prefix().length() != 6) {
            throw new ApiException(HttpStatus.FORBIDDEN, "city-office-only", "仅市扶贫办可操作", "读模型重建由市扶贫办发起");
        }
        Rebuilds.Rebuild started = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/v1/reports/rebuilds/" + started.id()))
                .body(toDto(started));
    }

    @Override
    @PreAuthorize("hasAnyRole('city-officer', 'auditor')")
    public ResponseEntity<Rebuild> getRebuild(UUID rebuildId) {
        return ResponseEntity.ok(toDto(rebuilds.find(rebuildId)
                .orElseThrow(() -> ApiException.notFound("读模型重建", rebuildId))));
    }

    private static Rebuild toDto(Rebuilds.Rebuild r) {
        return new Rebuild(r.id(), Rebuild.StateEnum.fromValue(r.state()), r.startedAt().atOffset(ZoneOffset.UTC),
                r.targetSchema(), r.events())
                .finishedAt(r.finishedAt() == null ? null : r.finishedAt().atOffset(ZoneOffset.UTC)).error(r.error());
    }
}
