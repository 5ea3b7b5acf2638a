package cn.fupin.household.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.BasicNeeds;
import cn.fupin.household.annual.Conditions;
import cn.fupin.household.annual.Income;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.NewHousehold;

/** Object mother of the facts the quality rules read: households of clean members, with or without a record. */
final class HouseholdFactsMother {

    static final int YEAR = 2020;
    static final Instant NOW = Instant.parse("2020-11-25T02:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private HouseholdFactsMother() {
    }

    /** 户主: a healthy man of 45 with junior-high education and a valid ID. */
    static MemberBuilder head(String name) {
        return new MemberBuilder(name, "01", "1", LocalDate.of(1975, 3, 8));
    }

    /** 配偶: a healthy woman of 43. */
    static MemberBuilder spouse(String name) {
        return new MemberBuilder(name, "02", "2", LocalDate.of(1977, 6, 15));
    }

    /** 之子: a son born on the date, not a student until said so. */
    static MemberBuilder son(String name, LocalDate born) {
        return new MemberBuilder(name, "03", "1", born);
    }

    /** A valid 居民身份证 number for the birth date and sex (1 男, 2 女). */
    static String residentId(LocalDate born, String gender) {
        int sequence = (2 * SEQUENCE.incrementAndGet()) % 998 + ("1".equals(gender) ? 1 : 0);
        return ResidentId.of("350481", born, sequence).value();
    }

    static Household household(List<String> causes, MemberBuilder... members) {
        return Household.register(new NewHousehold(Category.REGISTERED, "350481100201", null, null, "1", false, null,
                null, causes, List.of(), List.of(), null), Stream.of(members).map(MemberBuilder::build).toList(), NOW);
    }

    /** A household without causes and without a record of the year. */
    static HouseholdFacts facts(MemberBuilder... members) {
        return alone(household(List.of(), members));
    }

    /** The household without a record of the year, and nobody in the registry who may be one of its helpers. */
    static HouseholdFacts alone(Household household) {
        return new HouseholdFacts(household, Optional.empty(), YEAR, List.of());
    }

    /** The household with a record of the year carrying the income. */
    static HouseholdFacts withRecord(Household household, Income income) {
        AnnualRecord record = new AnnualRecord(household.getId(), household.getDivisionCode(), YEAR, income,
                conditions(), household.getSize(), income.netIncome(), income.perCapita(household.getSize()),
                new BasicNeeds(true, true, true, true), 0, NOW);
        return new HouseholdFacts(household, Optional.of(record), YEAR, List.of());
    }

    /** An income from pairs of indicator and amount, e.g. {@code income("A28", "12000", "A29b", "3000")}. */
    static Income income(String... indicatorsAndAmounts) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (int i = 0; i < indicatorsAndAmounts.length; i += 2) {
            amounts.put(indicatorsAndAmounts[i], new BigDecimal(indicatorsAndAmounts[i + 1]));
        }
        return new Income(amounts.get("A28"), amounts.get("A29"), amounts.get("A29a"), amounts.get("A29b"),
                amounts.get("A29c"), amounts.get("A29d"), amounts.get("A29e"), amounts.get("A29f"), amounts.get("A30"),
                amounts.get("A31"), amounts.get("A31a"), amounts.get("A31b"), amounts.get("A32"));
    }

    private static Conditions conditions() {
        return new Conditions(null, null, null, null, null, null, "03", null, false, "1", new BigDecimal("80"), true,
                true, true, "04", false, false, true);
    }

    static UUID idOf(Household household, String name) {
        return household.getMembers().stream().filter(member -> member.name().equals(name)).findFirst()
                .map(Member::memberId).orElseThrow();
    }
}
