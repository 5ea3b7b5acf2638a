package cn.fupin.contracts.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.fupin.contracts.household.model.Address;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.MemberIndicators;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.identifiers.ResidentId;

/**
 * A deterministic generator of plausible households for a synthetic city: the same seed gives the same
 * households, with valid and (within one generator) unique ID numbers whose birth date and gender agree with
 * the member's. Shared by tests, the demo data of the local stack and benchmarks.
 */
public final class SyntheticHouseholds {

    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "林", "罗", "郑", "邱", "赖", "范" };
    private static final String[] MALE_NAMES = { "建国", "志强", "国华", "德明", "永福", "海生", "金水", "明辉", "文斌",
        "天佑" };
    private static final String[] FEMALE_NAMES = { "秀英", "桂兰", "玉梅", "丽华", "春燕", "美玲", "金凤", "淑珍", "雪梅",
        "小红" };
    /** The most frequent 致贫原因 (A27): illness, disability, schooling, lack of labour, skills, funds. */
    private static final String[] CAUSES = { "01", "02", "03", "07", "08", "09" };
    private static final String[] NATURAL_VILLAGES = { "上坪", "下洋", "后垄", "岭头", "坑口", "溪边", "洋中", "桥头" };

    /** Sequence numbers (the ID number's 15th–17th digits) per generator: an eighth of them, by the seed. */
    private static final int SLOT = 125;

    private final Random random;
    private final Set<String> issued = new HashSet<>();
    /** Numbers given per county, birth date and sex: a day with all its numbers given is passed at once. */
    private final Map<String, Integer> taken = new HashMap<>();
    private final int firstSequence;
    /** The counties whose ID numbers the people hold, in turn; empty for the village's own county. */
    private final List<String> birthplaces;
    private long people;
    /**
     * Tries so far: a long, since a province's worth of them passes an int's range, and a negative remainder then
     * gave numbers of another eighth (the growth scenario's seventh export collided with the newborns').
     */
    private long sequence;

    /**
     * @param seed the same seed gives the same households; generators whose seeds differ modulo 8 draw their ID
     *        numbers' sequence numbers from different eighths and never give the same number
     */
    public SyntheticHouseholds(long seed) {
        this(seed, List.of());
    }

    /**
     * A generator whose people were born across the given counties (the first six digits of their ID numbers, in
     * turn), wherever they live now: otherwise the same households as {@code new SyntheticHouseholds(seed)}. An eighth
     * of one county's numbers has 62 a day per sex; a province's million households in one county would fill every
     * day of the crowded birth years, where across a city's dozen counties they fill a tenth.
     *
     * @param birthplaces six-digit administrative division codes
     */
    public SyntheticHouseholds(long seed, List<String> birthplaces) {
        this.random = new Random(seed);
        this.firstSequence = (int) Math.floorMod(seed, 8L) * SLOT;
        this.birthplaces = List.copyOf(birthplaces);
    }

    /** The next household, living in the given 12-digit village: a form-1 candidate three times in four. */
    public RegisterHouseholdRequest next(String villageCode) {
        return next(villageCode, random.nextInt(4) == 0 ? HouseholdCategory.MARGINAL : HouseholdCategory.REGISTERED);
    }

    /** The next household of a category, with what its form asks for (form 1 or form 4). */
    public RegisterHouseholdRequest next(String villageCode, HouseholdCategory category) {
        String surname = pick(SURNAMES);
        int headBirthYear = 1945 + random.nextInt(45);
        boolean headMale = random.nextInt(5) > 0;
        List<MemberInput> members = new ArrayList<>();
        members.add(member(surname, headMale, LocalDate.of(headBirthYear, 1 + random.nextInt(12),
                1 + random.nextInt(28)), "01", villageCode));
        if (random.nextInt(4) > 0) {
            members.add(member(headMale ? pick(SURNAMES) : surname, !headMale,
                    LocalDate.of(headBirthYear + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    "02", villageCode));
        }
        int children = random.nextInt(4);
        for (int c = 0; c < children; c++) {
            boolean son = random.nextBoolean();
            int year = Math.min(headBirthYear + 20 + random.nextInt(15), 2024);
            members.add(member(surname, son, LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    son ? "03" : "04", villageCode));
        }
        RegisterHouseholdRequest household = new RegisterHouseholdRequest(category,
                new Address(villageCode).naturalVillage(pick(NATURAL_VILLAGES)), members)
                .phone("1" + (3 + random.nextInt(6)) + String.format("%09d", random.nextInt(1_000_000_000)));
        // form 1 asks for the identification standard, the military family mark and the causes; form 4 does not
        return category == HouseholdCategory.REGISTERED
                ? household.causes(List.of(pick(CAUSES))).identificationStandard("1").militaryFamily(false)
                : household;
    }

    private MemberInput member(String surname, boolean male, LocalDate born, String relation, String village) {
        // an odd sequence for men, even for women, in this generator's eighth; never the same number twice from it
        // (a day whose numbers are all given is left for the next)
        String county = birthplaces.isEmpty() ? village.substring(0, 6)
                : birthplaces.get((int) (people++ % birthplaces.size()));
        LocalDate birthDate = born;
        ResidentId id;
        int tries = 0;
        do {
            if (taken.getOrDefault(day(county, birthDate, male), 0) == SLOT / 2) {
                // every try left on this day would fail: counted over at once (the numbers drawn stay the same; a
                // registry of a million households filled days by the thousand, each tried number by number)
                sequence += SLOT / 2 - tries;
                tries = SLOT / 2;
            }
            sequence++;
            if (++tries > SLOT / 2) {
                birthDate = birthDate.plusDays(1);
                tries = 0;
            }
            int number = firstSequence + (int) (sequence % (SLOT / 2)) * 2 + (male ? 1 : 0);
            id = ResidentId.of(county, birthDate, number);
        }
        while (!issued.add(id.value()));
        taken.merge(day(county, birthDate, male), 1, Integer::sum);
        return new MemberInput(surname + pick(male ? MALE_NAMES : FEMALE_NAMES), id.genderCode(), id.value(), relation)
                .idType("01").ethnicity("01").birthDate(birthDate).indicators(indicators(birthDate));
    }

    private static String day(String county, LocalDate birthDate, boolean male) {
        return county + birthDate + (male ? 'm' : 'f');
    }

    /** Plausible form indicators for the member's age: pupils at school, adults with education and work. */
    private MemberIndicators indicators(LocalDate birthDate) {
        int age = LocalDate.of(2020, 10, 1).getYear() - birthDate.getYear();
        MemberIndicators indicators = new MemberIndicators().politicalStatus("13").speaksMandarin(true)
                .medicalInsured(true).pensionInsured(age >= 16).criticalIllnessInsured(true).minimumLiving(false)
                .commercialMedicalInsured(false).medicalAssistance(false)
                .health(List.of(random.nextInt(6) == 0 ? "02" : "01"));
        if (age < 6) {
            return indicators.education("06").labourSkill("04");
        }
        if (age < 16) {
            return indicators.studentStatus(age < 12 ? "03" : "05").labourSkill("04");
        }
        boolean works = age < 60 && random.nextInt(3) > 0;
        return indicators.education(pick(new String[] { "02", "03", "04" }))
                .labourSkill(age >= 65 ? "04" : "01").workArea(works ? pick(new String[] { "01", "02", "03" }) : null)
                .workMonths(works ? 6 + random.nextInt(7) : 0);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
