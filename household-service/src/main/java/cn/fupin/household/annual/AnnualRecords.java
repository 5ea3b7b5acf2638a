package cn.fupin.household.annual;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.household.CodeCheck;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdImported;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.YearFigures;
import cn.fupin.workplan.WorkWindows;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/** Entering a household's income and conditions of a year (A28–A48), and reading them back. */
@Service
public class AnnualRecords {

    private final HouseholdQueries households;
    private final AnnualRecordStore store;
    private final CodeCheck codes;
    private final ApplicationEventPublisher events;
    private final WorkWindows windows;
    private final Clock clock;

    AnnualRecords(HouseholdQueries households, AnnualRecordStore store, CodeCheck codes,
            ApplicationEventPublisher events, WorkWindows windows, Clock clock) {
        this.windows = windows;
        this.households = households;
        this.store = store;
        this.codes = codes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the year's record with its per-capita income over the members living in the household now, and
     * publishes {@link AnnualRecordSubmitted}; {@code expectedVersion} (If-Match) guards against lost updates.
     */
    @Transactional
    public AnnualRecord submit(UUID householdId, int year, Income income, Conditions conditions,
            Long expectedVersion, Caller caller) {
        Household household = households.find(householdId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("户", householdId));
        windows.requireOpen(household.getDivisionCode());
        List<FieldError> errors = check(conditions);
        if (household.getSize() == 0) {
            errors.add(new FieldError("income", null, "户内没有在户成员，无法计算人均纯收入"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Long current = store.find(householdId, year).map(AnnualRecord::version).orElse(null);
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw ApiException.versionMismatch(year + " 年度记录", current);
        }
        AnnualRecord record = AnnualRecord.submit(household, year, income, conditions, current, clock.instant());
        if (!store.save(record)) {
            throw ApiException.conflict("concurrent-update", year + " 年度记录刚被他人修改，请重新读取后再提交");
        }
        events.publishEvent(AnnualRecordSubmitted.of(household, record, null));
        return record;
    }

    /**
     * A year's record of a household the national registry's export states, with the household as just written
     * (null when the import left it unchanged: it is read when needed).
     *
     * @param created whether the import has just created the household: its record goes in its announcement
     */
    public record TakenOver(UUID householdId, Household household, ImportedYear record, boolean created) {
    }

    /**
     * What taking over a batch's records did.
     *
     * @param written the households whose record was written
     * @param announced the records of the households created with them, to go in each one's
     *        {@link HouseholdImported} ({@link cn.fupin.household.household.RegistryImports#announce})
     */
    public record TakenOverRecords(Set<UUID> written, Map<UUID, YearFigures> announced) {
    }

    /**
     * Takes over the records of a batch of households the national registry's import has just written or read again,
     * inside its transaction: a record new here is copied in, one the export states otherwise replaces the stored one
     * (a correction, its version raised), one the same is left. The record of a household created with it goes in the
     * household's own event; any other written is published as {@link AnnualRecordSubmitted} with the import as its
     * origin.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TakenOverRecords takeOver(List<TakenOver> records, HouseholdImported.Origin origin) {
        Map<Integer, List<TakenOver>> byYear = records.stream()
                .collect(Collectors.groupingBy(taken -> taken.record().year(), LinkedHashMap::new, Collectors.toList()));
        Set<UUID> written = new LinkedHashSet<>();
        Map<UUID, YearFigures> announced = new HashMap<>();
        Instant now = origin.importedAt();
        byYear.forEach((year, taken) -> {
            List<UUID> known = taken.stream().filter(t -> !t.created()).map(TakenOver::householdId).toList();
            Map<UUID, AnnualRecord> stored = known.isEmpty() ? Map.of() : store.findAll(known, year);
            List<TakenOver> changed = taken.stream().filter(t -> !sameAs(stored.get(t.householdId()), t.record()))
                    .toList();
            Map<UUID, Household> read = new HashMap<>();
            households.all(changed.stream().filter(t -> t.household() == null).map(TakenOver::householdId).toList(),
                    AreaScope.ALL).forEach(household -> read.put(household.getId(), household));
            List<AnnualRecord> fresh = new ArrayList<>();
            List<AnnualRecordSubmitted> submitted = new ArrayList<>();
            for (TakenOver t : changed) {
                Household household = t.household() != null ? t.household() : read.get(t.householdId());
                AnnualRecord before = stored.get(t.householdId());
                AnnualRecord record = AnnualRecord.submit(household, year, t.record().income(),
                        t.record().conditions(), before == null ? null : before.version(), now);
                if (before == null) {
                    fresh.add(record);
                }
                else if (!store.save(record)) {
                    throw new IllegalStateException(year + " 年度记录在导入时被修改：" + t.householdId());
                }
                if (t.created()) {
                    announced.put(t.householdId(), record.figures());
                }
                else {
                    submitted.add(AnnualRecordSubmitted.of(household, record, origin));
                }
                written.add(t.householdId());
            }
            store.insertAll(fresh);
            submitted.forEach(events::publishEvent);
        });
        return new TakenOverRecords(written, announced);
    }

    private static boolean sameAs(AnnualRecord stored, ImportedYear imported) {
        return stored != null && stored.income().equals(imported.income())
                && stored.conditions().equals(imported.conditions());
    }

    /** Each household's latest record (of its latest year), for those that have one. */
    @Transactional(readOnly = true)
    public Map<UUID, AnnualRecord> latest(List<UUID> householdIds) {
        return store.latest(householdIds);
    }

    @Transactional(readOnly = true)
    public Optional<AnnualRecord> find(UUID householdId, int year, AreaScope scope) {
        return households.exists(householdId, scope) ? store.find(householdId, year) : Optional.empty();
    }

    private List<FieldError> check(Conditions conditions) {
        List<FieldError> errors = new ArrayList<>();
        codes.optional("conditions.roadType", "A37", "A37_road_type", conditions.roadType(), errors);
        codes.optional("conditions.dangerousHouseGrade", "A40", "A40_dangerous_house_grade",
                conditions.dangerousHouseGrade(), errors);
        codes.optional("conditions.fuelType", "A45", "A45_fuel_type", conditions.fuelType(), errors);
        return errors;
    }
}
