package cn.fupin.household.issues;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Helper;
import cn.fupin.household.household.Household;
import cn.fupin.household.privacy.IdNumber;
import cn.fupin.household.household.PovertyStatus;
import cn.fupin.household.quality.HouseholdFacts;
import cn.fupin.household.quality.RegisteredPerson;
import cn.fupin.household.quality.ResidentIdForms;
import cn.fupin.platform.pii.StoredIdNumbers;

/**
 * The members of the whole registry who may be a household's helpers of the year
 * ({@link HouseholdFacts#helperMatches()}): holding a helper's ID number in one of its forms (found by keyed hash
 * through the unique index of active ID numbers), or bearing the name of a helper without one in the household's
 * village. The quality rule decides which of them matter.
 */
@Component
class HelperMatches {

    private final JdbcClient jdbc;
    private final StoredIdNumbers stored;

    HelperMatches(JdbcClient jdbc, StoredIdNumbers stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    List<RegisteredPerson> of(Household household, int year) {
        List<Helper> helping = household.getHelpers().stream().filter(helper -> helper.helpsIn(year)).toList();
        String[] numbers = helping.stream().map(Helper::idNumber).filter(Objects::nonNull).map(IdNumber::value)
                .map(ResidentId::parse).flatMap(Optional::stream).flatMap(id -> ResidentIdForms.of(id).stream())
                .distinct().flatMap(number -> stored.searchKeys(number).stream()).toArray(String[]::new);
        String[] names = helping.stream().filter(helper -> helper.idNumber() == null)
                .map(helper -> helper.name().trim()).distinct().toArray(String[]::new);
        if (numbers.length == 0 && names.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                select household_id, division_code, category, status, name, id_number
                from registered_persons(:numbers, :village, :names)""")
                .param("numbers", numbers).param("village", household.getDivisionCode()).param("names", names)
                .query((rs, n) -> new RegisteredPerson(rs.getObject(1, UUID.class), rs.getString(2),
                        Category.valueOf(rs.getString(3)), PovertyStatus.valueOf(rs.getString(4)), rs.getString(5),
                        stored.read(rs.getBytes(6))))
                .list();
    }
}
