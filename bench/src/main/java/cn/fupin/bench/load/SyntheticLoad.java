package cn.fupin.bench.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.household.model.MemberIncrease;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies a benchmark sends: households of the demo county's villages ({@link SyntheticHouseholds}, valid ID
 * numbers never given twice in a run), newborns for member additions and a year's income and conditions. Shared
 * by all virtual users, so its generators are guarded.
 */
public final class SyntheticLoad {

    public static final String COUNTY = "350481";
    /** Villages whose counts only the event-lag probes change (the demo clerks' villages). */
    public static final List<String> PROBE_VILLAGES = List.of("350481100201", "350481101201");

    /**
     * The ID numbers' eighth (sequence 750–874) newborns take; households' seeds must not be 6 modulo 8, nor 4 or 5
     * (the demo county's and its new candidates'), and the growth scenario's imports take 7.
     */
    private static final int NEWBORN_EIGHTH = 6;
    private static final int EIGHTH = 125;
    private static final LocalDate FIRST_BIRTH = LocalDate.of(2019, 1, 1);
    private static final int BIRTH_DAYS = 1_096;
    /** Newborns a run may add: each seed's run starts its own range, so runs against one stack never collide. */
    private static final int NEWBORNS_PER_RUN = 8_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SyntheticHouseholds households;
    private final List<String> villages;
    private int newborns;

    public SyntheticLoad(long seed) {
        if (Math.floorMod(seed, 8) == NEWBORN_EIGHTH || Math.floorMod(seed, 8) == Math.floorMod(2020, 8)
                || Math.floorMod(seed, 8) == Math.floorMod(2021, 8)) {
            throw new IllegalArgumentException("seed " + seed + " shares its ID numbers with the newborns', the demo"
                    + " county's (2020) or its new candidates' (2021)");
        }
        this.households = new SyntheticHouseholds(seed);
        this.newborns = Math.floorMod(seed, 8) * NEWBORNS_PER_RUN;
        this.villages = DivisionTree.ofCounty(COUNTY).all().stream()
                .filter(division -> division.level() == DivisionTree.Level.VILLAGE)
                .map(DivisionTree.Division::code).filter(code -> !PROBE_VILLAGES.contains(code)).toList();
    }

    /** A household for {@code POST /households} in one of the county's villages (not a probe's). */
    public String registration() {
        return registration(villages.get(ThreadLocalRandom.current().nextInt(villages.size())));
    }

    public synchronized String registration(String village) {
        return JSON.writeValueAsString(households.next(village));
    }

    /** A child born in 2019–2021, for {@code POST /households/{id}/members} (reason 1, birth). */
    public String newborn() {
        int n;
        synchronized (this) {
            n = newborns++;
        }
        LocalDate born = FIRST_BIRTH.plusDays(n / (EIGHTH / 2) % BIRTH_DAYS);
        int sequence = NEWBORN_EIGHTH * EIGHTH + (n % (EIGHTH / 2)) * 2 + (n % 2);
        ResidentId id = ResidentId.of(COUNTY, born, sequence);
        MemberInput child = new MemberInput("新生儿", id.genderCode(), id.value(), "07").birthDate(born);
        return JSON.writeValueAsString(new MemberIncrease(child, "1", born));
    }

    /** A year's income A28–A32 and conditions A33–A48, for {@code PUT /households/{id}/annual-records/{year}}. */
    public String annualRecord() {
        int wages = 3_000 + ThreadLocalRandom.current().nextInt(20_000);
        return JSON.writeValueAsString(Map.of(
                "income", Map.of("wageIncome", wages, "productionIncome", 1_200, "productionExpenses", 300),
                "conditions", Map.of("dangerousHouseGrade", "1", "safeDrinkingWater", true)));
    }
}
