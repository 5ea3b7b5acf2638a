package cn.fupin.household.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.HouseholdQueries.RegistryEntry;
import cn.fupin.household.household.ImportedHousehold;
import cn.fupin.household.household.Member;
import cn.fupin.household.privacy.PersonalDataViews;
import cn.fupin.platform.security.Caller;

/**
 * What goes back to the national registry: the year's changes made here, a change export at a time (each change in
 * one export only, so the next holds only what is new), and the whole registry of an area in the registry's own
 * layout. Changes that came from the registry's export are never sent back to it.
 */
@Service
public class RegistryExports {

    /** Households read together for the whole export. */
    static final int PAGE = 500;

    /** The kinds of change, in the order of the export's sheets. */
    enum Kind {
        IDENTIFIED("新识别"), EXITED("脱贫"), RETURNED("返贫"), MEMBER_ADDED("家庭成员增加"), MEMBER_REMOVED("家庭成员减少"),
        CORRECTED("信息更正"), MONITORING_IDENTIFIED("纳入监测"), RISK_CLEARED("风险消除");

        final String sheet;

        Kind(String sheet) {
            this.sheet = sheet;
        }
    }

    /** A change export as recorded: how many changes of each kind it handed over. */
    public record ChangeExport(UUID id, String areaCode, int changes, Map<String, Integer> byKind, String requestedBy,
            Instant requestedAt) {
    }

    /** One journalled change. */
    record Change(long id, UUID householdId, Kind kind, UUID memberId, String reason, LocalDate effectiveDate,
            List<String> fields, Instant occurredAt, String objectType, List<String> risks) {
    }

    private final JdbcClient jdbc;
    private final HouseholdQueries households;
    private final AnnualRecords annualRecords;
    private final NationalLayout layout;
    private final PersonalDataViews views;
    private final Clock clock;

    RegistryExports(JdbcClient jdbc, HouseholdQueries households, AnnualRecords annualRecords, NationalLayout layout,
            PersonalDataViews views, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.annualRecords = annualRecords;
        this.layout = layout;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Hands over every change of the area not yet exported (made here, not imported from the registry) to a new
     * export; two exports at once never share a change.
     */
    @Transactional
    public ChangeExport create(String area, Caller caller) {
        String areaCode = caller.scope().narrow(area);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into registry_export (id, area_code, changes, requested_by, requested_at)
                values (:id, :area, 0, :by, :at)""")
                .param("id", id).param("area", areaCode).param("by", caller.userId()).param("at", Timestamp.from(now))
                .update();
        List<String> kinds = jdbc.sql("""
                update registry_change c set export_id = :id
                where c.export_id is null and c.division_code like :prefix
                  and not exists (select 1 from import_job j
                                  where j.kind = 'NATIONAL_REGISTRY' and j.id::text = c.correlation_id)
                returning c.kind""")
                .param("id", id).param("prefix", areaCode + "%").query(String.class).list();
        jdbc.sql("update registry_export set changes = :changes where id = :id").param("changes", kinds.size())
                .param("id", id).update();
        return new ChangeExport(id, areaCode, kinds.size(), count(kinds), caller.userId(), now);
    }

    @Transactional(readOnly = true)
    public Optional<ChangeExport> find(UUID id, Caller caller) {
        return jdbc.sql("""
                select area_code, changes, requested_by, requested_at from registry_export
                where id = :id and area_code like :prefix""")
                .param("id", id).param("prefix", caller.scope().prefix() + "%")
                .query((rs, n) -> new ChangeExport(id, rs.getString(1), rs.getInt(2), count(jdbc.sql(
                        "select kind from registry_change where export_id = :id").param("id", id)
                        .query(String.class).list()), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The export's changes as a workbook, a sheet per kind, each in the registry's layout; the views recorded. */
    @Transactional(readOnly = true)
    public Optional<byte[]> workbook(UUID id, Caller caller) {
        if (find(id, caller).isEmpty()) {
            return Optional.empty();
        }
        List<Change> changes = jdbc.sql("""
                select id, household_id, kind, member_id, reason, effective_date, fields, occurred_at, object_type,
                    risks
                from registry_change where export_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getObject(2, UUID.class), Kind.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getObject(6, LocalDate.class), List.of((String[]) rs.getArray(7).getArray()),
                        rs.getTimestamp(8).toInstant(), rs.getString(9),
                        List.of((String[]) rs.getArray(10).getArray())))
                .list();
        List<UUID> ids = changes.stream().map(Change::householdId).distinct().toList();
        Map<UUID, Household> byId = households.all(ids, caller.scope()).stream()
                .collect(Collectors.toMap(Household::getId, Function.identity()));
        Map<UUID, RegistryEntry> registry = households.registryEntries(ids);
        Map<UUID, AnnualRecord> annual = annualRecords.latest(ids);
        Map<UUID, Integer> shown = new HashMap<>();
        try (RegistryWorkbook workbook = new RegistryWorkbook()) {
            for (Kind kind : Kind.values()) {
                List<String> extra = extraColumns(kind);
                workbook.sheet(kind.sheet, extra);
                for (Change change : changes) {
                    Household household = byId.get(change.householdId());
                    if (change.kind() != kind || household == null) {
                        continue;
                    }
                    List<Member> members = change.memberId() == null ? NationalLayout.living(household)
                            : household.getMembers().stream().filter(m -> m.memberId().equals(change.memberId()))
                                    .toList();
                    shown.merge(household.getId(), members.size(), Integer::sum);
                    for (List<String> row : layout.rows(household, registry.get(household.getId()),
                            annual.get(household.getId()), members)) {
                        List<String> line = new ArrayList<>(row);
                        line.addAll(extraCells(kind, change, household));
                        workbook.row(line);
                    }
                }
            }
            views.recordAll(caller, shown, "getNationalChangeExport");
            return Optional.of(workbook.bytes());
        }
    }

    /** The whole registry of an area (all its households, their living members) in the registry's layout. */
    public void writeRegistry(String area, Caller caller, OutputStream out) {
        String areaCode = caller.scope().narrow(area);
        try (RegistryWorkbook workbook = new RegistryWorkbook()) {
            workbook.sheet("全县全字段", List.of());
            UUID after = null;
            while (true) {
                List<Household> page = households.inArea(areaCode, after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                List<UUID> ids = page.stream().map(Household::getId).toList();
                Map<UUID, RegistryEntry> registry = households.registryEntries(ids);
                Map<UUID, AnnualRecord> annual = annualRecords.latest(ids);
                Map<UUID, Integer> shown = new HashMap<>();
                for (Household household : page) {
                    List<Member> living = NationalLayout.living(household);
                    shown.put(household.getId(), living.size());
                    layout.rows(household, registry.get(household.getId()), annual.get(household.getId()), living)
                            .forEach(workbook::row);
                }
                views.recordAll(caller, shown, "getNationalRegistryExport");
                after = page.getLast().getId();
            }
            workbook.write(out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> extraColumns(Kind kind) {
        return switch (kind) {
            case IDENTIFIED, EXITED, RETURNED -> List.of("变更日期", "变更依据");
            case MEMBER_ADDED -> List.of("增加原因", "增加日期");
            case MEMBER_REMOVED -> List.of("减少原因", "减少日期");
            case CORRECTED -> List.of("更正项", "更正时间");
            case MONITORING_IDENTIFIED -> List.of("监测对象类别", "监测风险", "纳入监测日期");
            case RISK_CLEARED -> List.of("监测对象类别", "监测风险", "风险消除日期");
        };
    }

    private List<String> extraCells(Kind kind, Change change, Household household) {
        String date = change.effectiveDate() == null ? "" : change.effectiveDate().toString();
        return switch (kind) {
            case IDENTIFIED, EXITED, RETURNED -> List.of(date, change.reason() == null ? "" : change.reason());
            case MEMBER_ADDED -> List.of(layout.label("member_increase_reason", change.reason()), date);
            case MEMBER_REMOVED -> List.of(layout.label("member_decrease_reason", change.reason()), date);
            case CORRECTED -> List.of(CorrectedFields.describe(change.fields(), household),
                    change.occurredAt().atZone(cn.fupin.contracts.rules.WorkYear.ZONE).toLocalDate().toString());
            case MONITORING_IDENTIFIED, RISK_CLEARED -> List.of(
                    ImportedHousehold.RegistryMonitoring.label(change.objectType()),
                    change.risks().stream().map(code -> layout.label("A52_risk", code))
                            .collect(Collectors.joining("、")), date);
        };
    }

    private static Map<String, Integer> count(List<String> kinds) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            int n = (int) kinds.stream().filter(kind.name()::equals).count();
            if (n > 0) {
                byKind.put(kind.name(), n);
            }
        }
        return byKind;
    }
}
