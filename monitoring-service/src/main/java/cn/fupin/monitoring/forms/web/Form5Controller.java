package cn.fupin.monitoring.forms.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.monitoring.api.MonitoringFormsApi;
import cn.fupin.contracts.monitoring.model.Form5ImportResult;
import cn.fupin.contracts.monitoring.model.Form5RowError;
import cn.fupin.monitoring.forms.Form5Import;
import cn.fupin.monitoring.forms.Form5Print;
import cn.fupin.monitoring.forms.Form5Template;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.pdf.FormPdf;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/**
 * 表 5 over HTTP (contract tag {@code MonitoringForms}): the blank form, a village's filled list imported, and its
 * list of the year printed for signature.
 */
@RestController
class Form5Controller implements MonitoringFormsApi {

    /** A village's list is tens of rows: a file beyond this is not one. */
    static final int LARGEST = 5 * 1024 * 1024;

    private final Form5Template template;
    private final Form5Import imports;
    private final Form5Print print;
    private final DivisionTree divisions;

    Form5Controller(Form5Template template, Form5Import imports, Form5Print print, DivisionTree divisions) {
        this.template = template;
        this.imports = imports;
        this.print = print;
        this.divisions = divisions;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getForm5Template(String village) {
        String place = null;
        if (village != null) {
            DivisionTree.Division division = village(village);
            place = divisions.find(division.parentCode()).map(DivisionTree.Division::name).orElse("") + " "
                    + division.name() + "（" + village + "）";
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("附件5-脱贫不稳定户信息采集表-空白.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(template.blank(place)));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Resource> getForm5Pdf(String village, Integer year) {
        village(village);
        byte[] pdf = FormPdf.write(print.of(village, year, Caller.current().username()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("附件5-脱贫不稳定户信息采集表-" + village + "-" + year + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .body(new ByteArrayResource(pdf));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Form5ImportResult> importForm5(String village, Integer year, Resource body,
            Boolean partial) {
        village(village);
        Form5Import.Result result;
        try {
            result = imports.run(read(body), village, year, Boolean.TRUE.equals(partial), Caller.current());
        }
        catch (Form5Import.NotForm5 ex) {
            throw ApiException.invalid(List.of(new FieldError("body", null,
                    ex.getMessage())));
        }
        return ResponseEntity.ok(new Form5ImportResult(
                result.kept() ? Form5ImportResult.StateEnum.SUCCEEDED : Form5ImportResult.StateEnum.REJECTED,
                result.rows(), result.created().size(), result.unchanged(), result.rejected(),
                result.errors().stream().map(error -> new Form5RowError(error.sheet(), error.row(), error.column(),
                        error.message()).cell(error.cell()).indicator(error.indicator())).toList())
                .objects(result.created()));
    }

    /** A village of the county inside the caller's area; anything else does not exist for him. */
    private DivisionTree.Division village(String code) {
        Caller.current().scope().narrow(code);
        return divisions.find(code).filter(division -> division.level() == DivisionTree.Level.VILLAGE)
                .orElseThrow(() -> ApiException.notFound("村", code));
    }

    private static byte[] read(Resource body) {
        try (InputStream in = body.getInputStream()) {
            byte[] file = in.readNBytes(LARGEST + 1);
            if (file.length > LARGEST) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "文件过大",
                        "表 5 不能超过 5 MB");
            }
            if (file.length == 0) {
                throw ApiException.invalid(List.of(new FieldError("body", null,
                        "上传的文件是空的")));
            }
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
