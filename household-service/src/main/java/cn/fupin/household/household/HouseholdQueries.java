package cn.fupin.household.household;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.platform.security.AreaScope;

/** Reads households inside an area scope: anything outside it does not exist for the caller. */
@Service
@Transactional(readOnly = true)
public class HouseholdQueries {

    private final HouseholdRepository households;
    private final JdbcClient jdbc;

    HouseholdQueries(HouseholdRepository households, JdbcClient jdbc) {
        this.households = households;
        this.jdbc = jdbc;
    }

    public Optional<Household> find(UUID id, AreaScope scope) {
        return households.findById(id).filter(household -> scope.covers(household.getDivisionCode()));
    }

    /** One page of households whose village code starts with {@code areaPrefix}, oldest first. */
    public Page search(String areaPrefix, Category category, PovertyStatus status, int page, int size) {
        String where = """
                where h.division_code like :prefix
                  and (cast(:category as text) is null or h.category = :category)
                  and (cast(:status as text) is null or h.status = :status)""";
        String categoryName = category == null ? null : category.name();
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("select count(*) from household h " + where)
                .param("prefix", areaPrefix + "%").param("category", categoryName).param("status", statusName)
                .query(Long.class).single();
        List<Summary> rows = jdbc.sql("""
                select h.id, h.category, h.status, h.division_code, h.size,
                       (select m.name from member m where m.household_id = h.id and m.relation = '01' and m.active
                        limit 1) as head_name
                from household h
                """ + where + """

                order by h.created_at, h.id limit :limit offset :offset""")
                .param("prefix", areaPrefix + "%").param("category", categoryName).param("status", statusName)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), Category.valueOf(rs.getString("category")),
                        PovertyStatus.valueOf(rs.getString("status")), rs.getString("division_code"),
                        rs.getString("head_name"), rs.getInt("size")))
                .list();
        return new Page(rows, page, size, total);
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
                  and extract(year from %s) = :year)
                order by h.created_at, h.id""".formatted(date))
                .param("village", village).param("year", year).query(UUID.class).list();
        Map<UUID, Household> loaded = households.findAllById(ids).stream()
                .collect(Collectors.toMap(Household::getId, Function.identity()));
        return ids.stream().map(loaded::get).toList();
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
