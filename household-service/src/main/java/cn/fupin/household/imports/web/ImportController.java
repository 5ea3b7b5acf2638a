package cn.fupin.household.imports.web;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.household.imports.ImportJob;
import cn.fupin.household.imports.ImportJobs;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/**
 * Imports (contract tag {@code Imports}). Not the generated interface: its body would be a {@code Resource} read
 * whole into memory, where an export of a county is streamed to disk as it arrives.
 */
@RestController
class ImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportJobs jobs;

    ImportController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = "/api/v1/imports/national-registry", consumes = { "text/csv", XLSX,
            "application/octet-stream" }, produces = "application/json")
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    ResponseEntity<ImportJob> importNationalRegistry(@RequestParam(defaultValue = "false") boolean partial,
            HttpServletRequest request) throws IOException {
        ImportJob job = jobs.submit(ImportJob.Kind.NATIONAL_REGISTRY, new ImportJobs.Upload(request.getInputStream(),
                fileName(request), request.getContentType()), partial, Caller.current());
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
    }

    @GetMapping(path = "/api/v1/imports/{importId}", produces = "application/json")
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    ResponseEntity<ImportJob> getImport(@PathVariable UUID importId) {
        return ResponseEntity.ok(jobs.find(importId, Caller.current())
                .orElseThrow(() -> ApiException.notFound("导入", importId)));
    }

    /** The name the client gave the file ({@code Content-Disposition: attachment; filename*=UTF-8''…}), if any. */
    private static String fileName(HttpServletRequest request) {
        String disposition = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition == null) {
            return null;
        }
        try {
            return ContentDisposition.parse(disposition).getFilename();
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
