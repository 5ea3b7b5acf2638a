package cn.fupin.household.bench;

import static cn.fupin.platform.testing.Tokens.as;
import static cn.fupin.platform.testing.Tokens.asCallerOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.testing.RealInfrastructure;

/**
 * What encryption at rest and row-level security cost, on 20,000 households (80,000 members) of 200 villages:
 * sealing and opening an ID number; an exact search by ID number and a village's first page of households, in SQL
 * as the owner (no row-level security) and as a village clerk's connection (with it), and through the API.
 *
 * <p>Run: {@code ./mvnw -pl household-service -am test -Pbench}. Figures go to the README, not into assertions.
 */
@Tag("benchmark")
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataBenchmark {

    static final int HOUSEHOLDS = Integer.getInteger("bench.households", 20_000);
    static final int MEMBERS = 4;
    static final int ROUNDS = 2_000;

    @Autowired
    StoredIdNumbers stored;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    static final String PAGE = """
            select h.id, h.category, h.status, h.division_code, h.size,
                   (select m.name from member m where m.household_id = h.id and m.relation = '01' and m.active
                    limit 1) as head_name
            from household h where h.division_code like ? order by h.created_at, h.id limit 20""";
    static final String HOLDERS = """
            select m.household_id, m.member_id, m.name from member m join household h on h.id = m.household_id
            where m.id_number_hash = ? and h.division_code like ?""";

    @Test
    void encryptionAndRowSecurityCost() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS * MEMBERS; i++) {
            numbers.add(ResidentId.of("350481", LocalDate.of(1950, 1, 1).plusDays(i / 499), 2 * (i % 499) + 1)
                    .value());
        }
        long start = System.nanoTime();
        List<byte[]> sealed = numbers.stream().map(stored::store).toList();
        double seal = (System.nanoTime() - start) / 1_000.0 / numbers.size();
        start = System.nanoTime();
        sealed.forEach(stored::read);
        double open = (System.nanoTime() - start) / 1_000.0 / numbers.size();
        System.out.printf("BENCH seal %.2f µs, open %.2f µs per ID number (%d numbers)%n", seal, open,
                numbers.size());

        start = System.nanoTime();
        load(sealed);
        System.out.printf("BENCH loaded %d households, %d members in %.1f s%n", HOUSEHOLDS, numbers.size(),
                (System.nanoTime() - start) / 1e9);

        JdbcTemplate owner = new JdbcTemplate(DataSourceBuilder.create()
                .url(environment.getProperty("spring.datasource.url"))
                .username(environment.getProperty("spring.flyway.user"))
                .password(environment.getProperty("spring.flyway.password")).build());
        owner.execute("set search_path to household");
        String village = village(7);
        String number = numbers.get(7 * MEMBERS);
        report("village page, SQL, owner (no RLS)", () -> owner.queryForList(PAGE, village + "%"));
        report("village page, SQL, clerk (RLS)", () -> asCallerOf(village, () -> jdbc.queryForList(PAGE,
                village + "%")));
        report("search by ID, SQL, owner (no RLS)", () -> owner.queryForList(HOLDERS, stored.searchKeys(number).getFirst(),
                village + "%"));
        report("search by ID, SQL, clerk (RLS)", () -> asCallerOf(village, () -> jdbc.queryForList(HOLDERS,
                stored.searchKeys(number).getFirst(), village + "%")));
        report("village page, API, clerk", () -> mvc.perform(get("/api/v1/households?size=20")
                .with(as("village-clerk", village))).andExpect(status().isOk()));
        report("search by ID, API, clerk", () -> mvc.perform(get("/api/v1/persons?idNumber=" + number)
                .with(as("village-clerk", village))).andExpect(status().isOk()));
    }

    void load(List<byte[]> sealed) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> households = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            UUID id = new UUID(0xBE, i);
            households.add(new Object[] { id, village(i), now, now });
            for (int m = 0; m < MEMBERS; m++) {
                members.add(new Object[] { id, m, UUID.randomUUID(), "成员" + m, sealed.get(i * MEMBERS + m),
                        m == 0 ? "01" : "10", village(i) });
            }
        }
        jdbc.batchUpdate("""
                insert into household (id, category, status, division_code, size, version, created_at, updated_at)
                values (?, 'REGISTERED', 'POOR', ?, 4, 0, ?, ?)""", households);
        jdbc.batchUpdate("""
                insert into member (household_id, ordinal, member_id, name, gender, id_type, id_number, relation,
                    active, division_code)
                values (?, ?, ?, ?, '1', '01', ?, ?, true, ?)""", members);
        jdbc.execute("analyze household");
        jdbc.execute("analyze member");
    }

    static void report(String what, Callable<?> call) throws Exception {
        for (int i = 0; i < ROUNDS / 10; i++) {
            call.call();
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            call.call();
        }
        System.out.printf("BENCH %-36s %.3f ms per call (%d calls)%n", what,
                (System.nanoTime() - start) / 1e6 / ROUNDS, ROUNDS);
    }

    /** 200 villages: townships 100–119 of the city, villages 201–210 of each. */
    static String village(int household) {
        int v = household % 200;
        return "350481" + (100 + v / 10) + (201 + v % 10);
    }
}
