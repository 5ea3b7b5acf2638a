package cn.fupin.household.villages;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.workplan.WorkWindows;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/** Poor-village base data per year, kept by township officers within their township. */
@Service
public class Villages {

    private final DivisionTree divisions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final WorkWindows windows;
    private final Clock clock;

    Villages(DivisionTree divisions, JdbcClient jdbc, ApplicationEventPublisher events, WorkWindows windows, Clock clock) {
        this.windows = windows;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A stored year with its version. */
    public record Stored(String code, String name, int year, VillageYear data, long version) {
    }

    @Transactional(readOnly = true)
    public Optional<Stored> find(String code, int year, AreaScope scope) {
        DivisionTree.Division village = village(code, scope);
        return jdbc.sql("select * from village_year where village_code = :code and year = :year")
                .param("code", code).param("year", year)
                .query((rs, n) -> new Stored(code, village.name(), year, new VillageYear(rs.getBoolean("poor_village"),
                        (Integer) rs.getObject("exit_year"), (Integer) rs.getObject("registered_households"),
                        (Integer) rs.getObject("registered_population"), rs.getBigDecimal("collective_income"),
                        (Boolean) rs.getObject("hardened_road"), (Boolean) rs.getObject("safe_water"),
                        (Boolean) rs.getObject("electricity"), (Boolean) rs.getObject("broadband")),
                        rs.getLong("version")))
                .optional();
    }

    /** Stores the year's data and publishes {@link VillageUpdated} with the fields that changed. */
    @Transactional
    public Stored put(String code, int year, VillageYear data, Long expectedVersion, AreaScope scope) {
        DivisionTree.Division village = village(code, scope);
        windows.requireOpen(code);
        if (data.exitYear() != null && data.exitYear() > year) {
            throw ApiException.invalid(List.of(new FieldError("exitYear", null, "退出年度不能晚于所录年度")));
        }
        Optional<Stored> previous = find(code, year, scope);
        Long current = previous.map(Stored::version).orElse(null);
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw ApiException.versionMismatch("该村 " + year + " 年度信息", current);
        }
        long version = current == null ? 0 : current + 1;
        jdbc.sql("""
                insert into village_year values (:code, :year, :poor, :exitYear, :households, :population, :income,
                    :road, :water, :electricity, :broadband, :version, :at)
                on conflict (village_code, year) do update set poor_village = excluded.poor_village,
                    exit_year = excluded.exit_year, registered_households = excluded.registered_households,
                    registered_population = excluded.registered_population,
                    collective_income = excluded.collective_income, hardened_road = excluded.hardened_road,
                    safe_water = excluded.safe_water, electricity = excluded.electricity,
                    broadband = excluded.broadband, version = excluded.version, updated_at = excluded.updated_at""")
                .param("code", code).param("year", year).param("poor", data.poorVillage())
                .param("exitYear", data.exitYear()).param("households", data.registeredHouseholds())
                .param("population", data.registeredPopulation()).param("income", data.collectiveIncome())
                .param("road", data.hardenedRoad()).param("water", data.safeWater())
                .param("electricity", data.electricity()).param("broadband", data.broadband())
                .param("version", version).param("at", Timestamp.from(clock.instant())).update();
        List<String> changed = changedFields(previous.map(Stored::data).orElse(null), data);
        if (!changed.isEmpty()) {
            events.publishEvent(new VillageUpdated(code, village.name(), year,
                    data.poorVillage(), data.exitYear() == null ? null : data.exitYear() <= year, changed));
        }
        return new Stored(code, village.name(), year, data, version);
    }

    private DivisionTree.Division village(String code, AreaScope scope) {
        return divisions.find(code).filter(found -> found.level() == DivisionTree.Level.VILLAGE)
                .filter(found -> scope.covers(found.code()))
                .orElseThrow(() -> ApiException.notFound("村", code));
    }

    private static List<String> changedFields(VillageYear before, VillageYear after) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("poorVillage", new Object[] { before == null ? null : before.poorVillage(), after.poorVillage() });
        fields.put("exitYear", new Object[] { before == null ? null : before.exitYear(), after.exitYear() });
        fields.put("registeredHouseholds",
                new Object[] { before == null ? null : before.registeredHouseholds(), after.registeredHouseholds() });
        fields.put("registeredPopulation",
                new Object[] { before == null ? null : before.registeredPopulation(), after.registeredPopulation() });
        fields.put("collectiveIncome", new Object[] { before == null ? null : normalise(before.collectiveIncome()),
            normalise(after.collectiveIncome()) });
        fields.put("hardenedRoad", new Object[] { before == null ? null : before.hardenedRoad(), after.hardenedRoad() });
        fields.put("safeWater", new Object[] { before == null ? null : before.safeWater(), after.safeWater() });
        fields.put("electricity", new Object[] { before == null ? null : before.electricity(), after.electricity() });
        fields.put("broadband", new Object[] { before == null ? null : before.broadband(), after.broadband() });
        List<String> changed = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static BigDecimal normalise(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
