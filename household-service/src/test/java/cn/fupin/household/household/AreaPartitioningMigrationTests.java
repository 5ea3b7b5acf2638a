package cn.fupin.household.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.household.privacy.SealingMigrations;
import cn.fupin.platform.testing.EmbeddedPostgresInitializer;

/**
 * Migration 32 on a registry written before it (migration 31): the households move into partitions by area — one
 * per township of the county's tree, the default one for any other code — with nothing lost or recounted, the
 * rows that name them still checked, and a query of an area reading only its partitions.
 */
class AreaPartitioningMigrationTests {

    static final DivisionTree COUNTY = DivisionTree.ofCounty("350481");
    static final String YANDONG = "350481001201";
    static final String YANXI = "350481002201";
    static final String ELSEWHERE = "350402001201";

    static DataSource database;
    static JdbcTemplate owner;
    static final Map<UUID, String> households = new LinkedHashMap<>();

    @BeforeAll
    static void registryBeforePartitioning() throws Exception {
        database = EmbeddedPostgresInitializer.freshDatabase("migration_32");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema household");
        }
        flyway().target("31").load().migrate();
        owner = new JdbcTemplate(database);
        for (String village : List.of(YANDONG, YANDONG, YANXI, ELSEWHERE)) {
            UUID id = UUID.randomUUID();
            households.put(id, village);
            owner.update("""
                    insert into household.household (id, category, status, division_code, size, version, created_at,
                        updated_at, causes)
                    values (?, 'REGISTERED', 'POOR', ?, 1, 0, now(), now(), '{}')""", id, village);
            owner.update("""
                    insert into household.member (household_id, ordinal, member_id, name, gender, id_type, id_number,
                        relation, active)
                    values (?, 0, ?, '张三', '1', '01', ?, '01', true)""", id, UUID.randomUUID(), idNumber(id));
        }
        owner.update("""
                insert into household.lifecycle_request (id, household_id, type, year, state, created_by, created_at)
                values (?, ?, 'EXIT', 2026, 'PENDING', 'clerk', now())""", UUID.randomUUID(),
                households.keySet().iterator().next());

        flyway().callbacks(new AreaPartitions(COUNTY)).load().migrate();
    }

    static FluentConfiguration flyway() {
        return Flyway.configure().dataSource(database).schemas("household").locations("classpath:db/migration")
                .placeholders(Map.of("app_role", EmbeddedPostgresInitializer.APPLICATION_ROLE))
                .javaMigrations(SealingMigrations.all());
    }

    /** A sealed ID number as migration 16 stores it: 32 bytes of hash, then anything. */
    static byte[] idNumber(UUID household) {
        byte[] value = new byte[40];
        byte[] id = household.toString().replace("-", "").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, value, 0, 32);
        return value;
    }

    @Test
    void eachTownshipOfTheTreeHasAPartitionAndOtherCodesTheDefault() {
        List<String> partitions = owner.queryForList("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'household.household'::regclass
                  and c.relname <> 'household_350499007' -- the one made later (below)
                order by 1""", String.class);
        List<String> expected = new ArrayList<>(COUNTY.root().children().stream()
                .map(township -> "household_" + township.code()).toList());
        expected.add("household_elsewhere");
        assertThat(partitions).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(owner.queryForObject("select partstrat from pg_partitioned_table "
                + "where partrelid = 'household.household'::regclass", String.class)).isEqualTo("r");
    }

    @Test
    void everyHouseholdIsKeptInTheCountsAndInItsTownshipsPartition() {
        Map<UUID, String> where = new HashMap<>();
        owner.query("select id, tableoid::regclass::text from household.household",
                (RowCallbackHandler) rs -> where.put(rs.getObject(1, UUID.class), rs.getString(2)));
        assertThat(where).hasSize(households.size());
        households.forEach((id, village) -> assertThat(where.get(id)).as(village)
                .isEqualTo(village.equals(ELSEWHERE) ? "household.household_elsewhere"
                        : "household.household_" + village.substring(0, 9)));
        assertThat(owner.queryForObject("select sum(households) from household.household_counts('350481001')",
                Long.class)).isEqualTo(2);
        assertThat(owner.queryForObject("select count(*) from household.member", Long.class)).isEqualTo(4);
    }

    @Test
    void anAreasQueryReadsOnlyItsPartitionsAndItsRowsUnderTheApplicationRole() {
        JdbcTemplate app = new JdbcTemplate(EmbeddedPostgresInitializer.server()
                .getDatabase(EmbeddedPostgresInitializer.APPLICATION_ROLE, catalog()));
        TransactionTemplate inTransaction = new TransactionTemplate(
                new DataSourceTransactionManager(app.getDataSource()));
        inTransaction.executeWithoutResult(status -> {
            app.execute("set local search_path = household");
            app.execute("set local fupin.area = '350481001'");
            assertThat(app.queryForList("select division_code from household", String.class))
                    .containsExactly(YANDONG, YANDONG);
            assertThat(app.queryForObject("select count(*) from member", Long.class)).isEqualTo(2);
            String plan = String.join("\n", app.queryForList("explain (analyze, costs off) select * from household",
                    String.class));
            assertThat(plan).contains("household_350481001").doesNotContain("household_350481002")
                    .doesNotContain("household_elsewhere");
        });
        assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
            app.execute("set local fupin.area = ''");
            app.queryForList("select id from household.household_elsewhere");
        })).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void rowsNamingAHouseholdStillNeedOneAndAHouseholdThatMovesMovesPartition() {
        assertThatThrownBy(() -> owner.update("""
                insert into household.lifecycle_request (id, household_id, type, year, state, created_by, created_at)
                values (?, ?, 'EXIT', 2026, 'PENDING', 'clerk', now())""", UUID.randomUUID(), UUID.randomUUID()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("does not exist");
        UUID moving = UUID.randomUUID();
        owner.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, causes)
                values (?, 'MARGINAL', 'POOR', ?, 0, 0, now(), now(), '{}')""", moving, YANDONG);
        owner.update("update household.household set division_code = ? where id = ?", YANXI, moving);
        assertThat(owner.queryForObject("select tableoid::regclass::text from household.household where id = ?",
                String.class, moving)).isEqualTo("household.household_350481002");
        assertThatThrownBy(() -> owner.update("update household.household set id = ? where id = ?",
                UUID.randomUUID(), moving)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never deleted or renumbered");
        assertThatThrownBy(() -> owner.update("delete from household.household where id = ?", moving))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never deleted");
    }

    @Test
    void anAreaGivenAPartitionLaterTakesItsHouseholdsFromTheDefaultOne() {
        UUID id = UUID.randomUUID();
        owner.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, causes)
                values (?, 'MARGINAL', 'POOR', '350499007201', 0, 0, now(), now(), '{}')""", id);
        assertThat(owner.queryForObject("select household.add_area_partition('350499007')", Boolean.class)).isTrue();
        assertThat(owner.queryForObject("select household.add_area_partition('350499007')", Boolean.class))
                .isFalse();
        assertThat(owner.queryForObject("select tableoid::regclass::text from household.household where id = ?",
                String.class, id)).isEqualTo("household.household_350499007");
        assertThat(owner.queryForObject("select count(*) from household.household where id = ?", Long.class, id))
                .isEqualTo(1);
        assertThatThrownBy(() -> owner.queryForObject("select household.add_area_partition('35049')",
                Boolean.class)).isInstanceOf(DataAccessException.class).hasMessageContaining("township");
    }

    private static String catalog() {
        return owner.queryForObject("select current_database()", String.class);
    }
}
