package cn.fupin.platform.counts;

import java.util.Map;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.platform.security.Caller;

/**
 * {@code GET /internal/counts} (operation {@code countRecords} of each owner's contract): the counts of the caller's
 * area, or of a part of it, for reporting's reconciliation. One endpoint for every owning service; what it counts is
 * the service's {@link RecordCounts}.
 */
@RestController
public class RecordCountsController {

    private final RecordCounts counts;

    public RecordCountsController(RecordCounts counts) {
        this.counts = counts;
    }

    /** The response: the area counted and its counts by key. */
    public record Counted(String areaCode, Map<String, Long> counts) {
    }

    @GetMapping(path = "/internal/counts", produces = "application/json")
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('city-officer', 'auditor')")
    public ResponseEntity<Counted> countRecords(
            @RequestParam(required = false) @Pattern(regexp = "^\\d{6,12}$") String areaCode) {
        String area = Caller.current().scope().narrow(areaCode);
        return ResponseEntity.ok(new Counted(area, counts.of(area)));
    }
}
