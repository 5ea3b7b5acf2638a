package cn.fupin.reporting.overview;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.reporting.api.ReportsApi;
import cn.fupin.contracts.reporting.model.AreaCount;
import cn.fupin.contracts.reporting.model.CountByCode;
import cn.fupin.contracts.reporting.model.OverviewReport;
import cn.fupin.contracts.reporting.model.PoorVillageCount;
import cn.fupin.platform.security.Caller;
import cn.fupin.reporting.ReportReaders;

/**
 * 总体情况: households and persons by category and status for an area, with its child areas for drill-down and
 * the households of its poor villages (贫困村) counted on their own.
 * Counts are the current state of the read model; {@code year} names the reporting year asked for.
 */
@RestController
class OverviewController implements ReportsApi {

    private final OverviewQuery query;
    private final DivisionTree divisions;

    OverviewController(OverviewQuery query, DivisionTree divisions) {
        this.query = query;
        this.divisions = divisions;
    }

    @Override
    @ReportReaders
    public ResponseEntity<OverviewReport> getOverview(String areaCode, Integer year) {
        String area = Caller.current().scope().narrow(areaCode);
        OverviewQuery.Counts total = query.total(area);
        List<String> poorVillages = divisions.all().stream()
                .filter(d -> d.poorVillage() && d.code().startsWith(area)).map(DivisionTree.Division::code).toList();
        OverviewQuery.Counts inPoorVillages = query.inVillages(poorVillages);
        OverviewReport report = new OverviewReport(area, total.households(), total.persons(),
                counts(query.by("category", area), Label.CATEGORIES), counts(query.by("status", area), Label.STATUSES),
                children(area), new PoorVillageCount((long) poorVillages.size(), inPoorVillages.households(),
                        inPoorVillages.persons()))
                .areaName(divisions.find(area).map(DivisionTree.Division::name).orElse(null)).year(year);
        return ResponseEntity.ok(report);
    }

    private List<AreaCount> children(String area) {
        if (area.length() >= 12) {
            return List.of();
        }
        int childLength = area.length() == 6 ? 9 : 12;
        Map<String, OverviewQuery.Counts> counts = query.byChild(area, childLength);
        return divisions.find(area).map(DivisionTree.Division::children).orElse(List.of()).stream()
                .map(child -> {
                    OverviewQuery.Counts c = counts.getOrDefault(child.code(), OverviewQuery.Counts.NONE);
                    return new AreaCount(child.code(), child.name(), c.households(), c.persons())
                            .poorVillage(child.level() == DivisionTree.Level.VILLAGE ? child.poorVillage() : null);
                }).toList();
    }

    private static List<CountByCode> counts(Map<String, OverviewQuery.Counts> counts, Label[] labels) {
        return Arrays.stream(labels).map(label -> {
            OverviewQuery.Counts c = counts.getOrDefault(label.code, OverviewQuery.Counts.NONE);
            return new CountByCode(label.code, label.text, c.households(), c.persons());
        }).toList();
    }

    /** The Chinese names of categories and statuses, as the forms and the national system use them. */
    record Label(String code, String text) {

        static final Label[] CATEGORIES = { new Label("REGISTERED", "建档立卡户"), new Label("MARGINAL", "边缘易致贫户") };
        static final Label[] STATUSES = { new Label("CANDIDATE", "待识别"), new Label("POOR", "贫困户"),
            new Label("EXITED", "已脱贫"), new Label("RETURNED", "返贫"), new Label("CLEARED", "已清退"),
            new Label("MARGINAL", "边缘户") };
    }
}
