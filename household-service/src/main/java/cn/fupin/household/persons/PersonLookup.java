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

    /** The holders, living and removed, of a number in the area ({@link AreaRange} on both tables). */
    List<PersonMatch> holders(String idNumber, AreaScope scope) {
        return jdbc.sql("""
                select m.household_id, m.member_id, m.name, m.relation, m.active, h.division_code
                from member m join household h on h.id = m.household_id and h.division_code = m.division_code
                where (m.active and m.id_number_hash = :idNumber or not m.active and m.id_number_hash = :idNumber)
                  and %s and %s
                order by m.active desc, h.created_at""".formatted(AreaRange.of("h"), AreaRange.of("m")))
                .param("idNumber", stored.searchKey(idNumber)).param("area", scope.prefix())
                .query((rs, n) -> new PersonMatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6)))
                .list();
    }
}
