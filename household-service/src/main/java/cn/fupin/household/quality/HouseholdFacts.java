package cn.fupin.household.quality;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;

/**
 * Everything a quality rule may read: the household, its record of the year if submitted, the year, and what the
 * rules that look beyond the household need of the rest of the registry.
 *
 * @param household the household with all its members, those who left included
 * @param record the annual record (年度信息) of {@code year}, empty when not yet submitted
 * @param year the year checked; ages are counted at its end
 * @param helperMatches members living in any household of the registry who may be one of the household's helpers:
 *        holding a helper's ID number in one of its forms ({@link ResidentIdForms}) or, for a helper without one,
 *        bearing his name in the household's village; looked up by whoever gathers the facts
 */
public record HouseholdFacts(Household household, Optional<AnnualRecord> record, int year,
        List<RegisteredPerson> helperMatches) {

    public HouseholdFacts {
        helperMatches = List.copyOf(helperMatches);
    }

    /** Members living in the household: only they count for the rules. */
    public List<Member> activeMembers() {
        return household.getMembers().stream().filter(Member::active).toList();
    }

    /** Age in full years on December 31 of the year checked; empty without a birth date. */
    public OptionalInt ageOf(Member member) {
        if (member.birthDate() == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Period.between(member.birthDate(), LocalDate.of(year, 12, 31)).getYears());
    }
}
