package cn.fupin.household.exports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.ExportsApi;
import cn.fupin.contracts.household.model.NationalChangeExport;
import cn.fupin.household.exports.RegistryExports;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/** Exports for the national registry (contract tag {@code Exports}). */
@RestController
class ExportController implements ExportsApi {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegistryExports exports;

    ExportController(RegistryExports exports) {
        this.exports = exports;
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    public ResponseEntity<NationalChangeExport> createNationalChangeExport(String area) {
        RegistryExports.ChangeExport export = exports.create(area, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/exports/national-changes/" + export.id()))
                .body(toDto(export));
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    public ResponseEntity<NationalChangeExport> getNationalChangeExport(UUID exportId) {
        return ResponseEntity.ok(toDto(exports.find(exportId, Caller.current())
                .orElseThrow(() -> ApiException.notFound("变更导出", exportId))));
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    public ResponseEntity<Resource> getNationalChangeWorkbook(UUID exportId) {
        byte[] workbook = exports.workbook(exportId, Caller.current())
                .orElseThrow(() -> ApiException.notFound("变更导出", exportId));
        return download("国扶系统变更导出-" + exportId, new ByteArrayResource(workbook));
    }

    /** Written to a file first (the rows stream there, not into memory), handed out, deleted once read. */
    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    public ResponseEntity<Resource> getNationalRegistryExport(String area) {
        Caller caller = Caller.current();
        String areaCode = caller.scope().narrow(area);
        try {
            Path file = Files.createTempFile("fupin-registry-export", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                exports.writeRegistry(areaCode, caller, out);
            }
            catch (RuntimeException | IOException ex) {
                Files.deleteIfExists(file);
                throw ex;
            }
            InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            return download("全县全字段-" + areaCode, new InputStreamResource(in) {
                @Override
                public long contentLength() throws IOException {
                    return Files.exists(file) ? Files.size(file) : -1;
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ResponseEntity<Resource> download(String name, Resource body) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static NationalChangeExport toDto(RegistryExports.ChangeExport export) {
        return new NationalChangeExport(export.id(), export.areaCode(), export.changes(), export.byKind(),
                export.requestedBy(), export.requestedAt().atOffset(ZoneOffset.UTC));
    }
}
