package cn.fupin.household.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.testing.EmbeddedPostgresInitializer;

/**
 * A database written before ID numbers were encrypted (migration 15) is converted in place by migration 16:
 * members, helpers and the correction history keep their numbers, now sealed, and nothing stays in the clear.
 */
class IdNumberEncryptionMigrationTests {

    static final String HEAD = "350481197001011233";
    static final String HELPER = "35048119800202124X";
    static final Map<String, String> ROLE = Map.of("app_role", EmbeddedPostgresInitializer.APPLICATION_ROLE);

    final StoredIdNumbers stored = SealingMigrations.STORED;

    @Test
    void clearNumbersAreSealedInPlace() throws Exception {
        DataSource database = EmbeddedPostgresInitializer.freshDatabase("migration_16");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema household");
        }
        Flyway.configure().dataSource(database).schemas("household").locations("classpath:db/migration")
                .placeholders(ROLE).target("15").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID household = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        jdbc.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, identification_standard, causes)
                values (?, 'REGISTERED', 'POOR', '350481101201', 1, 0, now(), now(), '1', '{}')""", household);
        jdbc.update("""
                insert into household.member (household_id, ordinal, member_id, name, gender, id_type, id_number,
                    relation, active)
                values (?, 0, ?, '张三', '1', '01', ?, '01', true)""", household, member, HEAD);
        jdbc.update("""
                insert into household.helper (household_id, ordinal, helper_id, name, gender, unit, start_date,
                    id_number)
                values (?, 0, ?, '李帮', '2', '市扶贫办', date '2020-01-01', ?)""", household, UUID.randomUUID(),
                HELPER);
        jdbc.update("""
                insert into household.member_correction (household_id, member_id, field, indicator, old_value,
                    new_value, reason, corrected_by, corrected_at)
                values (?, ?, 'idNumber', 'A4', '350481197001011217', ?, '核对', 'clerk', now())""",
                household, member, HEAD);

        Flyway.configure().dataSource(database).schemas("household").locations("classpath:db/migration")
                .placeholders(ROLE).target("16").javaMigrations(SealingMigrations.all()).load().migrate();

        Map<String, Object> row = jdbc.queryForMap("select id_number, id_number_hash from household.member");
        assertThat(stored.read((byte[]) row.get("id_number"))).isEqualTo(HEAD);
        assertThat(row.get("id_number_hash")).isEqualTo(stored.searchKeys(HEAD).getFirst());
        assertThat(stored.read(jdbc.queryForObject("select id_number from household.helper", byte[].class)))
                .isEqualTo(HELPER);
        Map<String, Object> history = jdbc.queryForMap("""
                select old_value, new_value, old_id_number, new_id_number from household.member_correction""");
        assertThat(history.get("old_value")).isNull();
        assertThat(history.get("new_value")).isNull();
        assertThat(stored.read((byte[]) history.get("old_id_number"))).isEqualTo("350481197001011217");
        assertThat(stored.read((byte[]) history.get("new_id_number"))).isEqualTo(HEAD);
        assertThat(jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where table_schema = 'household' and column_name like '%id_number%' and data_type = 'text'
                  and column_name <> 'id_number_hash'""", Long.class)).isZero();
    }

    @Test
    void clearPhonesAndAccountsAreSealedInPlace() throws Exception {
        DataSource database = EmbeddedPostgresInitializer.freshDatabase("migration_20");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema household");
        }
        PersonalDataCipher cipher = SealingMigrations.CIPHER;
        Flyway.configure().dataSource(database).schemas("household").locations("classpath:db/migration")
                .placeholders(ROLE).target("19").javaMigrations(SealingMigrations.all()).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID household = UUID.randomUUID();
        jdbc.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, phone, bank_account)
                values (?, 'REGISTERED', 'POOR', '350481101201', 0, 0, now(), now(), '13812345678',
                    '6217001234567890123')""", household);
        jdbc.update("""
                insert into household.helper (household_id, ordinal, helper_id, name, gender, unit, start_date, phone)
                values (?, 0, ?, '李帮', '2', '市扶贫办', date '2020-01-01', '13912345678')""", household,
                UUID.randomUUID());

        Flyway.configure().dataSource(database).schemas("household").locations("classpath:db/migration")
                .placeholders(ROLE).javaMigrations(SealingMigrations.all()).load().migrate();

        Map<String, Object> row = jdbc.queryForMap("select phone, bank_account from household.household");
        assertThat(open(cipher, row.get("phone"))).isEqualTo("13812345678");
        assertThat(open(cipher, row.get("bank_account"))).isEqualTo("6217001234567890123");
        assertThat(open(cipher, jdbc.queryForObject("select phone from household.helper", byte[].class)))
                .isEqualTo("13912345678");
    }

    static String open(PersonalDataCipher cipher, Object sealed) {
        return new String(cipher.open((byte[]) sealed, EncryptedPersonalData.PERSONAL_TEXT),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
