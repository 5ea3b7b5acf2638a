package cn.fupin.household.imports.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
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

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.household.forms.FormLayout;
import cn.fupin.household.imports.ImportJob;
import cn.fupin.household.imports.ImportJobs;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/**
 * Imports (contract tag {@code Imports}): the national registry's export and the filled forms 1–4. Not the generated
 * interface: its body would be a {@code Resource} read whole into memory, where an export of a county is streamed to
 * disk as it arrives.
 */
@RestController
class ImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportJobs jobs;
    private final DivisionTree divisions;

    ImportController(ImportJobs jobs, DivisionTree divisions) {
        this.jobs = jobs;
        this.divisions = divisions;
    }

    @PostMapping(path = "/api/v1/imports/national-registry", consumes = { "text/csv", XLSX,
            "application/octet-stream" }, produces = "application/json")
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer')")
    ResponseEntity<ImportJob> importNationalRegistry(@RequestParam(defaultValue = "false") boolean partial,
            HttpServletRequest request) throws IOException {
        ImportJob job = jobs.submit(ImportJob.Kind.NATIONAL_REGISTRY, upload(request), null, partial,
                Caller.current());
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
    }

    @PostMapping(path = "/api/v1/imports/forms/{form}", consumes = { "text/csv", XLSX, "application/octet-stream" },
            produces = "application/json")
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    ResponseEntity<ImportJob> importForms(@PathVariable int form, @RequestParam String village,
            @RequestParam(defaultValue = "false") boolean partial, HttpServletRequest request) throws IOException {
        if (FormLayout.of(form).isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("form", null, "表号须为 1–4（表 5 由监测对象服务导入）")));
        }
        if (!village.matches("\\d{12}")) {
            throw ApiException.invalid(List.of(new FieldError("village", null, "须为村的 12 位行政区划代码")));
        }
        Caller caller = Caller.current();
        caller.scope().narrow(village);
        if (!divisions.isVillage(village)) {
            throw ApiException.notFound("村", village);
        }
        ImportJob job = jobs.submit(ImportJob.Kind.form(form), upload(request), village, partial, caller);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
    }

    @GetMapping(path = "/api/v1/imports/{importId}", produces = "application/json")
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    ResponseEntity<ImportJob> getImport(@PathVariable UUID importId) {
        return ResponseEntity.ok(jobs.find(importId, Caller.current())
                .orElseThrow(() -> ApiException.notFound("导入", importId)));
    }

    private static ImportJobs.Upload upload(HttpServletRequest request) throws IOException {
        return new ImportJobs.Upload(request.getInputStream(), fileName(request), request.getContentType());
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
