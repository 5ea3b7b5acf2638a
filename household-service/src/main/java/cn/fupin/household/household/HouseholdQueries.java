package cn.fupin.household.household;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.security.AreaScope;

/** Reads households inside an area scope: anything outside it does not exist for the caller. */
@Service
@Transactional(readOnly = true)
public class HouseholdQueries {

    private static final int VILLAGE_CODE_LENGTH = 12;

    /** The area as a range of the members' partition key: only its partitions are planned ({@link AreaRange}). */
    private static final String MEMBER_IN_AREA = AreaRange.of("m");

    private final HouseholdRepository households;
    private final JdbcClient jdbc;
    private final StoredIdNumbers idNumbers;

    HouseholdQueries(HouseholdRepository households, JdbcClient jdbc, StoredIdNumbers idNumbers) {
        this.households = households;
        this.jdbc = jdbc;
        this.idNumbers = idNumbers;
    }

    public Optional<Household> find(UUID id, AreaScope scope) {
        return households.findById(id).filter(household -> scope.covers(household.getDivisionCode()));
    }

    /** Whether the household exists for the caller, without reading it whole. */
    public boolean exists(UUID id, AreaScope scope) {
        return jdbc.sql("select division_code from household where id = :id").param("id", id).query(String.class)
                .optional().filter(scope::covers).isPresent();
    }

    /**
     * What a search asks for; null means any.
     *
     * @param areaPrefix the households' village codes start with it
     * @param headNamePrefix the head's name starts with it
     * @param idNumber a member's ID number (living or removed), matched through its keyed hash
     */
    public record Filter(String areaPrefix, Category category, PovertyStatus status, String headNamePrefix,
            String idNumber) {
    }

    /**
     * One page of the households a filter finds, oldest first. Only the filter's own conditions are in the SQL, so
     * a generic plan cannot fall back to scanning the caller's whole area: the area is a value or a range an index
     * serves under row-level security ({@code =}, {@code >=} and {@code <} are leakproof, {@code like} is not:
     * as a filter it read every household of the caller's area to find a village's), and an ID number reaches its
     * household through the member index rather than a look at each household's members.
     */
    public Page search(Filter filter, int page, int size) {
        // a village's whole code is a value: the index then gives its households in the page's order, no sort
        StringBuilder where = new StringBuilder(filter.areaPrefix().length() == VILLAGE_CODE_LENGTH
                ? "where h.division_code = :area"
                : "where " + AreaRange.of("h"));
        Map<String, Object> params = new HashMap<>();
        params.put("area", filter.areaPrefix());
        if (filter.category() != null) {
            where.append(" and h.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.status() != null) {
            where.append(" and h.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.headNamePrefix() != null) {
            where.append(" and exists (select 1 from member m where m.household_id = h.id"
                    + " and m.division_code = h.division_code and " + MEMBER_IN_AREA
                    + " and m.relation = '01' and m.active and m.name like :headName escape '\\')");
            params.put("headName", likePrefix(filter.headNamePrefix()));
        }
        if (filter.idNumber() != null) {
            where.append(" and exists (select 1 from member m where m.household_id = h.id"
                    + " and m.division_code = h.division_code and " + MEMBER_IN_AREA
                    + " and (m.active and m.id_number_hash = any(:idKeys) or not m.active and m.id_number_hash = any(:idKeys)))");
            params.put("idKeys", idNumbers.searchKeys(filter.idNumber()).toArray(String[]::new));
        }
        long total = jdbc.sql("select count(*) from household h " + where).params(params).query(Long.class).single();
        List<Summary> rows = jdbc.sql("""
                select h.id, h.category, h.status, h.division_code, h.size,
                       (select m.name from member m where m.household_id = h.id and m.division_code = h.division_code
                        and %s and m.relation = '01' and m.active limit 1) as head_name
                from household h
                """.formatted(MEMBER_IN_AREA) + where + """

                order by h.created_at, h.id limit :limit offset :offset""")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), Category.valueOf(rs.getString("category")),
                        PovertyStatus.valueOf(rs.getString("status")), rs.getString("division_code"),
                        rs.getString("head_name"), rs.getInt("size")))
                .list();
        return new Page(rows, page, size, total);
    }

    /** A LIKE pattern for "starts with", the user's own % and _ taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The households of a village with members who joined ({@code increases}) or left in the year, oldest first —
     * the lines of the village's 附件2 or 附件3; the caller has checked the village is in its area.
     */
    public List<Household> withMemberChanges(String village, int year, boolean increases) {
        String date = increases ? "m.joined_on" : "m.left_on";
        List<UUID> ids = jdbc.sql("""
                select h.id from household h
                where h.division_code = :village and exists (select 1 from member m where m.household_id = h.id
                  and m.division_code = :village and extract(year from %s) = :year)
                order by h.created_at, h.id""".formatted(date))
                .param("village", village).param("year", year).query(UUID.class).list();
        Map<UUID, Household> loaded = households.findAllById(ids).stream()
                .collect(Collectors.toMap(Household::getId, Function.identity()));
        return ids.stream().map(loaded::get).toList();
    }

    /** The living member holding an ID number: of which household, in which village, whether its head. */
    public record Holder(UUID householdId, String divisionCode, boolean head) {
    }

    /** The living holders of these ID numbers among the households of an area, by ID number (one query). */
    public Map<String, Holder> holders(Collection<String> idNumberList, AreaScope scope) {
        Map<String, String> byKey = new HashMap<>();
        idNumberList.forEach(idNumber -> idNumbers.searchKeys(idNumber).forEach(key -> byKey.put(key, idNumber)));
        if (byKey.isEmpty()) {
            return Map.of();
        }
        Map<String, Holder> holders = new HashMap<>();
        jdbc.sql("""
                select m.id_number_hash, m.household_id, m.division_code, m.relation = '01' as head from member m
                where m.active and m.id_number_hash in (:keys) and %s""".formatted(AreaRange.of("m")))
                .param("keys", byKey.keySet()).param("area", scope.prefix())
                .query(rs -> {
                    holders.put(byKey.get(rs.getString(1)), new Holder(rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getBoolean(4)));
                });
        return holders;
    }

    /**
     * The households of an area in a stable order, a page at a time after {@code after} (null: from the start), for
     * reading a county through without holding it.
     */
    public List<Household> inArea(String areaPrefix, UUID after, int limit) {
        List<UUID> ids = jdbc.sql("""
                select id from household where division_code like :prefix
                  and (cast(:after as uuid) is null or id > cast(:after as uuid))
                order by id limit :limit""")
                .param("prefix", areaPrefix + "%").param("after", after).param("limit", limit)
                .query(UUID.class).list();
        Map<UUID, Household> loaded = households.findAllById(ids).stream()
                .collect(Collectors.toMap(Household::getId, Function.identity()));
        return ids.stream().map(loaded::get).toList();
    }

    /** Households by id, those inside the area only, in the order asked. */
    public List<Household> all(List<UUID> ids, AreaScope scope) {
        Map<UUID, Household> loaded = households.findAllById(ids).stream()
                .filter(household -> scope.covers(household.getDivisionCode()))
                .collect(Collectors.toMap(Household::getId, Function.identity()));
        return ids.stream().distinct().map(loaded::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * What the national registry knows a household by: its 户编号, its years, its members' 人口编号.
     *
     * @param monitoring the registry's monitoring object of the household at the last import, null when none
     */
    public record RegistryEntry(String registryNumber, Integer identifiedYear, Integer exitedYear,
            Integer returnedYear, ImportedHousehold.RegistryMonitoring monitoring, Map<UUID, String> personNumbers) {
    }

    /** The registry entries of households imported from the national registry (the others have none yet). */
    public Map<UUID, RegistryEntry> registryEntries(Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<UUID, String>> persons = new HashMap<>();
        jdbc.sql("""
                select r.household_id, p.key, p.value
                from household_registry r, jsonb_each_text(r.person_numbers) p where r.household_id in (:ids)""")
                .param("ids", householdIds)
                .query(rs -> {
                    persons.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                            .put(UUID.fromString(rs.getString(2)), rs.getString(3));
                });
        Map<UUID, RegistryEntry> entries = new HashMap<>();
        jdbc.sql("""
                select household_id, registry_number, identified_year, exited_year, returned_year, monitoring_type,
                    monitoring_year, array_to_string(monitoring_risks, ','), risk_cleared, risk_cleared_year
                from household_registry where household_id in (:ids)""")
                .param("ids", householdIds)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    ImportedHousehold.RegistryMonitoring monitoring = rs.getString(6) == null ? null
                            : new ImportedHousehold.RegistryMonitoring(rs.getString(6), (Integer) rs.getObject(7),
                                    List.of(rs.getString(8).split(",")), rs.getBoolean(9), (Integer) rs.getObject(10));
                    entries.put(id, new RegistryEntry(rs.getString(2), (Integer) rs.getObject(3),
                            (Integer) rs.getObject(4), (Integer) rs.getObject(5), monitoring,
                            persons.getOrDefault(id, Map.of())));
                });
        return entries;
    }

    /** A household in a result list. */
    public record Summary(UUID id, Category category, PovertyStatus status, String divisionCode, String headName,
            int size) {
    }

    /** A page of results. */
    public record Page(List<Summary> content, int page, int size, long totalElements) {

        public int totalPages() {
            return (int) ((totalElements + size - 1) / size);
        }
    }
}
