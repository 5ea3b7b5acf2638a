package cn.fupin.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.testing.EmbeddedPostgresInitializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A key rotation on real PostgreSQL: values sealed with key 1 — alone, bound to their row's columns, and ID numbers
 * behind their hash — sealed again with key 2, in batches, so that key 1 can go; a value no key opens is left and
 * counted; a second pass finds nothing to do.
 */
class ResealingIntegrationTests {

    static final byte[] TEXT = "test:text".getBytes(StandardCharsets.UTF_8);
    static final String KEY_3 = "q2b8c1Gm4Yc3Zr9vN0sLw6kT5pH7eD2aF1jU8xR4iO0=";

    final DataSource database = EmbeddedPostgresInitializer.freshDatabase("reseal");
    final JdbcTemplate jdbc = new JdbcTemplate(database);
    final PersonalDataCipher before = new PersonalDataCipher(Map.of(1, PersonalDataCipherTests.KEY_1), 1);
    final PersonalDataCipher after = new PersonalDataCipher(
            Map.of(1, PersonalDataCipherTests.KEY_1, 2, PersonalDataCipherTests.KEY_2), 2);
    final IdNumberHash hash = new IdNumberHash("a-test-hash-key-of-enough-length");
    final List<SealedColumn> columns = List.of(SealedColumn.text("person", "phone", TEXT),
            SealedColumn.bound("person", "answer", "answers", "owner", "label"),
            SealedColumn.idNumbers("person", "id_number"));

    @Test
    void everyValueAnOlderKeySealedIsSealedWithTheCurrentOneAndStillSaysTheSame() {
        jdbc.execute("create table person (id int primary key, phone bytea, answer bytea, owner text, label text,"
                + " id_number bytea)");
        StoredIdNumbers stored = new StoredIdNumbers(hash, before);
        for (int i = 0; i < 1_234; i++) {
            jdbc.update("insert into person values (?, ?, ?, ?, ?, ?)", i,
                    i % 7 == 0 ? null : before.seal(("1390000" + i).getBytes(StandardCharsets.UTF_8), TEXT),
                    before.seal(("answer " + i).getBytes(StandardCharsets.UTF_8),
                            ("answers\nclerk-" + i + "\nkey-" + i).getBytes(StandardCharsets.UTF_8)),
                    "clerk-" + i, "key-" + i, stored.store(idNumber(i)));
        }
        // sealed with a key the service no longer has: not opened, not lost, counted
        jdbc.update("update person set phone = ? where id = 1", new PersonalDataCipher(Map.of(3, KEY_3), 3)
                .seal("13900001".getBytes(StandardCharsets.UTF_8), TEXT));
        byte[] hashBefore = Arrays.copyOf(jdbc.queryForObject("select id_number from person where id = 5",
                byte[].class), 32);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Resealing resealing = new Resealing(columns, database,
                new TransactionTemplate(new DataSourceTransactionManager(database)), after, Duration.ofMinutes(5),
                meters);

        Resealing.Pass pass = resealing.pass();

        long phones = java.util.stream.IntStream.range(0, 1_234).filter(i -> i % 7 != 0).count() - 1;
        assertThat(pass.resealed()).isEqualTo(phones + 1_234 + 1_234);
        assertThat(pass.unopened()).isEqualTo(1);
        assertThat(meters.get("fupin.pii.sealed-with-older-keys").gauge().value()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from person where get_byte(answer, 0) <> 2"
                + " or get_byte(id_number, 32) <> 2 or (id <> 1 and get_byte(phone, 0) <> 2)", Long.class)).isZero();
        // key 1 can go: the current key alone opens everything, and it says what it said
        PersonalDataCipher onlyTheNewKey = new PersonalDataCipher(Map.of(2, PersonalDataCipherTests.KEY_2), 2);
        StoredIdNumbers opened = new StoredIdNumbers(hash, onlyTheNewKey);
        for (int i : List.of(0, 2, 5, 700, 1_233)) {
            assertThat(opened.read(jdbc.queryForObject("select id_number from person where id = ?", byte[].class,
                    i))).isEqualTo(idNumber(i));
            assertThat(new String(onlyTheNewKey.open(jdbc.queryForObject("select answer from person where id = ?",
                    byte[].class, i), ("answers\nclerk-" + i + "\nkey-" + i).getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8)).isEqualTo("answer " + i);
        }
        assertThat(new String(onlyTheNewKey.open(jdbc.queryForObject("select phone from person where id = 2",
                byte[].class), TEXT), StandardCharsets.UTF_8)).isEqualTo("13900002");
        assertThat(Arrays.copyOf(jdbc.queryForObject("select id_number from person where id = 5", byte[].class), 32))
                .as("the hash, what searches find a number by").isEqualTo(hashBefore);

        assertThat(resealing.pass()).isEqualTo(new Resealing.Pass(0, 1));
    }

    @Test
    void inAPartitionedTableEachRowIsSealedAgainInItsOwnPartition() {
        jdbc.execute("create table place (area text not null, id int not null, phone bytea, primary key (area, id))"
                + " partition by list (area)");
        jdbc.execute("create table place_a partition of place for values in ('a')");
        jdbc.execute("create table place_b partition of place for values in ('b')");
        for (String area : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                // the same tuple ids in both partitions: (0,1), (0,2), (0,3)
                jdbc.update("insert into place values (?, ?, ?)", area, i,
                        before.seal((area + i).getBytes(StandardCharsets.UTF_8), TEXT));
            }
        }
        Resealing resealing = new Resealing(List.of(SealedColumn.text("place", "phone", TEXT)), database,
                new TransactionTemplate(new DataSourceTransactionManager(database)), after, Duration.ofMinutes(5),
                new SimpleMeterRegistry());

        assertThat(resealing.pass().resealed()).isEqualTo(6);

        PersonalDataCipher onlyTheNewKey = new PersonalDataCipher(Map.of(2, PersonalDataCipherTests.KEY_2), 2);
        jdbc.query("select area, id, phone from place", (RowCallbackHandler) rs ->
                assertThat(new String(onlyTheNewKey.open(rs.getBytes(3), TEXT), StandardCharsets.UTF_8))
                        .isEqualTo(rs.getString(1) + rs.getInt(2)));
    }

    private static String idNumber(int i) {
        return "350481" + String.format("%012d", i);
    }
}
