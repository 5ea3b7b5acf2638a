package cn.fupin.household.persons;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.household.model.PersonMatch;
import cn.fupin.household.household.AreaRange;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.security.AreaScope;

/** Members (living or removed) holding an ID number, in households inside an area. */
@Service
@Transactional(readOnly = true)
class PersonLookup {

    private final JdbcClient jdbc;
    private final StoredIdNumbers stored;

    PersonLookup(JdbcClient jdbc, StoredIdNumbers stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    /**
     * The holders, living and removed, of a number in the area ({@link AreaRange}), those living first, then by their
     * household's age. A member is filed under his household's area, so the member table alone answers; the
     * household is looked up per holder, in its one partition — joined, a generic plan read every household of the
     * area to find one (docs/benchmarks.md).
     */
    List<PersonMatch> holders(String idNumber, AreaScope scope) {
        return jdbc.sql("""
                select m.household_id, m.member_id, m.name, m.relation, m.active, m.division_code
                from member m
                where (m.active and m.id_number_hash = any(:keys) or not m.active and m.id_number_hash = any(:keys))
                  and %s
                order by m.active desc, (select h.created_at from household h
                                         where h.id = m.household_id and h.division_code = m.division_code)"""
                .formatted(AreaRange.of("m")))
                .param("keys", stored.searchKeys(idNumber).toArray(String[]::new)).param("area", scope.prefix())
                .query((rs, n) -> new PersonMatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6)))
                .list();
    }
}
