package cn.fupin.reporting.summary;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.reporting.api.TownshipSummariesApi;
import cn.fupin.contracts.reporting.model.TownshipSummaryKind;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.reporting.summary.document.SummaryComposer;
import cn.fupin.reporting.summary.document.SummaryDocument;
import cn.fupin.reporting.summary.figures.TownshipFiguresQuery;
import cn.fupin.reporting.summary.pdf.PdfReport;
import cn.fupin.reporting.summary.xlsx.XlsxReport;

/**
 * 乡镇书面报告: a township's completion report (by 10-27) or work summary (by 12-31), generated from the read
 * models as PDF or XLSX: the figures read ({@code figures}), written as the report ({@code document}), rendered
 * ({@code pdf}, {@code xlsx}). A township officer gets his own township's only; a township outside the caller's area, or
 * no township at all, is 404.
 */
@RestController
class TownshipSummaryController implements TownshipSummariesApi {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DivisionTree divisions;
    private final TownshipFiguresQuery figures;
    private final SummaryComposer composer;
    private final PdfReport pdf;
    private final XlsxReport xlsx;

    TownshipSummaryController(DivisionTree divisions, TownshipFiguresQuery figures, SummaryComposer composer,
            PdfReport pdf, XlsxReport xlsx) {
        this.divisions = divisions;
        this.figures = figures;
        this.composer = composer;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<Resource> getTownshipSummaryPdf(String areaCode, Integer year, TownshipSummaryKind kind) {
        return respond(areaCode, year, kind, MediaType.APPLICATION_PDF, ".pdf", pdf::render);
    }

    @Override
    @PreAuthorize("hasAnyRole('township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<Resource> getTownshipSummaryXlsx(String areaCode, Integer year, TownshipSummaryKind kind) {
        return respond(areaCode, year, kind, XLSX, ".xlsx", xlsx::render);
    }

    private ResponseEntity<Resource> respond(String areaCode, int year, TownshipSummaryKind kind, MediaType type,
            String extension, Function<SummaryDocument, byte[]> renderer) {
        DivisionTree.Division township = township(areaCode);
        SummaryDocument report = composer.compose(figures.of(township, year), kind);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.fileName() + extension, StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(renderer.apply(report)));
    }

    /** The township asked for, if it is one and the caller's area covers it whole. */
    private DivisionTree.Division township(String areaCode) {
        String area = Caller.current().scope().narrow(areaCode);
        return divisions.find(area).filter(d -> d.code().equals(areaCode))
                .filter(d -> d.level() == DivisionTree.Level.TOWNSHIP)
                .orElseThrow(() -> ApiException.notFound("乡镇", areaCode));
    }
}
