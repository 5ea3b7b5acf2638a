package cn.fupin.household.annual;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.household.CodeCheck;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
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
        events.publishEvent(AnnualRecordSubmitted.of(household, record));
        return record;
    }

    @Transactional(readOnly = true)
    public Optional<AnnualRecord> find(UUID householdId, int year, AreaScope scope) {
        return households.find(householdId, scope).flatMap(household -> store.find(householdId, year));
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
