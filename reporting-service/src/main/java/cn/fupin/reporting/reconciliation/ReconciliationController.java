package cn.fupin.reporting.reconciliation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.reporting.api.ReconciliationApi;
import cn.fupin.contracts.reporting.model.ReconciliationItem;
import cn.fupin.contracts.reporting.model.ReconciliationReport;
import cn.fupin.platform.security.Caller;

/** 对账: the reports' counts against the owning services' own, item by item, for the caller's area. */
@RestController
class ReconciliationController implements ReconciliationApi {

    private static final Map<String, String> CATEGORIES = Map.of("REGISTERED", "建档立卡户", "MARGINAL", "边缘易致贫户");
    private static final Map<String, String> STATES = Map.ofEntries(Map.entry("CANDIDATE", "待识别"),
            Map.entry("POOR", "贫困户"), Map.entry("EXITED", "已脱贫"), Map.entry("RETURNED", "返贫"),
            Map.entry("CLEARED", "已清退"), Map.entry("MARGINAL", "边缘户"), Map.entry("OPEN", "未销号"),
            Map.entry("CLOSED", "已销号"), Map.entry("PROPOSED", "已提出待审核"), Map.entry("MONITORED", "监测帮扶中"),
            Map.entry("ELIMINATION_REQUESTED", "风险消除待审核"), Map.entry("RISK_CLEARED", "风险已消除"),
            Map.entry("REJECTED", "已驳回"), Map.entry("IN_REVIEW", "审核中"), Map.entry("APPROVED", "已通过"));

    private final ReportedCounts reported;
    private final OwnerCounts owners;

    ReconciliationController(ReportedCounts reported, OwnerCounts owners) {
        this.reported = reported;
        this.owners = owners;
    }

    @Override
    @PreAuthorize("hasAnyRole('city-officer', 'auditor')")
    public ResponseEntity<ReconciliationReport> getReconciliation(String areaCode) {
        String area = Caller.current().scope().narrow(areaCode);
        List<Reconciliation.Item> items = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String owner : owners.owners()) {
            owners.of(owner, area).ifPresentOrElse(
                    owned -> items.addAll(Reconciliation.compare(owner, reported.of(owner, area), owned)),
                    () -> unavailable.add(owner));
        }
        Reconciliation result = new Reconciliation(items, unavailable);
        return ResponseEntity.ok(new ReconciliationReport(area, result.balanced(),
                OffsetDateTime.now(ZoneOffset.UTC), items.stream().map(item -> new ReconciliationItem(item.owner(),
                        item.key(), label(item.key()), item.reported(), item.owned(), item.difference())).toList(),
                unavailable));
    }

    /** {@code households.REGISTERED.POOR} → 户数（建档立卡户·贫困户）. */
    static String label(String key) {
        String[] parts = key.split("\\.");
        String what = switch (parts[0]) {
            case "households" -> "户数";
            case "persons" -> "人数";
            case "annualRecords" -> "年度信息户数";
            case "dataIssues" -> "问题数据";
            case "objects" -> "监测对象";
            case "cases" -> "审核案件";
            default -> parts[0];
        };
        List<String> qualifiers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            qualifiers.add(CATEGORIES.getOrDefault(parts[i], STATES.getOrDefault(parts[i], parts[i])));
        }
        return qualifiers.isEmpty() ? what : what + "（" + String.join("·", qualifiers) + "）";
    }
}
