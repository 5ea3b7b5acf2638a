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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.household.privacy.SealingMigrations;
import cn.fupin.platform.testing.EmbeddedPostgresInitializer;

/**
 * Migrations 32 and 33 on a registry written before them (migration 31): the households, their members and annual
 * records move into partitions by area — one per township of the county's tree, the default one for any other
 * code — with nothing lost or recounted, the rows that name a household still checked, an active ID number still
 * the registry's only one, and a query of an area reading only its partitions.
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
            owner.update("""
                    insert into household.annual_record (household_id, year, size, net_income, per_capita_income,
                        no_dropout, basic_medical_insurance, safe_housing, version, updated_at)
                    values (?, 2020, 1, 9000, 9000, true, true, true, 0, now())""", id);
        }
        owner.update("""
                insert into household.lifecycle_request (id, household_id, type, year, state, created_by, created_at)
                values (?, ?, 'EXIT', 2026, 'PENDING', 'clerk', now())""", UUID.randomUUID(),
                households.keySet().iterator().next());

        flyway().callbacks(new AreaPartitions(COUNTY, AreaPartitions.Level.TOWNSHIP)).load().migrate();
    }

    static FluentConfiguration flyway() {
        return flyway(database);
    }

    static FluentConfiguration flyway(DataSource target) {
        return Flyway.configure().dataSource(target).schemas("household").locations("classpath:db/migration")
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
        for (String table : List.of("member", "annual_record")) {
            assertThat(owner.queryForList("""
                    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                    where i.inhparent = ?::regclass and c.relname not like '%350499007'""", String.class,
                    "household." + table)).as(table).containsExactlyInAnyOrderElementsOf(
                            expected.stream().map(name -> name.replace("household", table)).toList());
        }
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
        for (String table : List.of("member", "annual_record")) {
            households.keySet().forEach(household -> assertThat(owner.queryForList("select distinct "
                    + "tableoid::regclass::text from household." + table + " where household_id = ?", String.class,
                    household)).as(table).containsExactly(where.get(household).replace("household_", table + "_")));
        }
        assertThat(owner.queryForObject("select count(*) from household.active_id_number", Long.class))
                .isEqualTo(owner.queryForObject("select count(*) from household.member where active", Long.class));
        assertThat(owner.queryForObject("select sum(records) from household.annual_record_count_change "
                + "where division_code like '350481%'", Long.class)).isEqualTo(3);
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
            for (String table : List.of("household", "member", "annual_record")) {
                String plan = String.join("\n", app.queryForList("explain (analyze, costs off) select * from "
                        + table, String.class));
                assertThat(plan).as(table).contains(table + "_350481001").doesNotContain(table + "_350481002")
                        .doesNotContain(table + "_elsewhere");
            }
        });
        assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
            app.execute("set local fupin.area = ''");
            app.queryForList("select id from household.household_elsewhere");
        })).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void rowsNamingAHouseholdStillNeedOneAndAHouseholdThatMovesMovesPartitionKeepingItsId() {
        assertThatThrownBy(() -> owner.update("""
                insert into household.lifecycle_request (id, household_id, type, year, state, created_by, created_at)
                values (?, ?, 'EXIT', 2026, 'PENDING', 'clerk', now())""", UUID.randomUUID(), UUID.randomUUID()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("does not exist");
        UUID moving = UUID.randomUUID();
        owner.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, causes)
                values (?, 'MARGINAL', 'POOR', ?, 0, 0, now(), now(), '{}')""", moving, YANDONG);
        owner.update("""
                insert into household.member (household_id, division_code, ordinal, member_id, name, gender, id_type,
                    id_number, relation, active)
                values (?, ?, 0, ?, '赵六', '2', '01', ?, '01', true)""", moving, YANDONG, UUID.randomUUID(),
                idNumber(moving));
        owner.update("""
                insert into household.annual_record (household_id, division_code, year, size, net_income,
                    per_capita_income, no_dropout, basic_medical_insurance, safe_housing, version, updated_at)
                values (?, ?, 2020, 1, 9000, 9000, true, true, true, 0, now())""", moving, YANDONG);
        long yanxiRecords = owner.queryForObject("select coalesce(sum(records), 0) from "
                + "household.annual_record_count_change where division_code = ?", Long.class, YANXI);

        owner.update("update household.household set division_code = ? where id = ?", YANXI, moving);

        for (String table : List.of("household", "member", "annual_record")) {
            assertThat(owner.queryForObject("select tableoid::regclass::text from household." + table + " where "
                    + (table.equals("household") ? "id" : "household_id") + " = ?", String.class, moving)).as(table)
                    .isEqualTo("household." + table + "_350481002");
        }
        assertThat(owner.queryForObject("select sum(records) from household.annual_record_count_change "
                + "where division_code = ?", Long.class, YANXI)).as("its record counted once, in its new village")
                .isEqualTo(yanxiRecords + 1);
        assertThatThrownBy(() -> owner.update("update household.household set id = ? where id = ?",
                UUID.randomUUID(), moving)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never deleted or renumbered");
        assertThatThrownBy(() -> owner.update("delete from household.household where id = ?", moving))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never deleted");
        assertThatThrownBy(() -> owner.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, causes)
                values (?, 'MARGINAL', 'POOR', ?, 0, 0, now(), now(), '{}')""", moving, YANDONG))
                .as("an id is the registry's only one, in whichever partition").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aLivingMembersIdNumberIsTheRegistrysOnlyOneAcrossPartitions() {
        UUID yandong = households.keySet().iterator().next();
        UUID yanxi = households.entrySet().stream().filter(e -> e.getValue().equals(YANXI)).findFirst().orElseThrow()
                .getKey();
        String member = """
                insert into household.member (household_id, division_code, ordinal, member_id, name, gender, id_type,
                    id_number, relation, active, left_on, decrease_reason)
                values (?, ?, ?, ?, '李四', '1', '01', ?, '10', ?, ?, ?)""";
        assertThatThrownBy(() -> owner.update(member, yanxi, YANXI, 1, UUID.randomUUID(), idNumber(yandong), true,
                null, null)).isInstanceOf(DuplicateKeyException.class);
        // removed, he holds it no more: another may, and he may not come back while that one lives
        UUID removed = UUID.randomUUID();
        owner.update(member, yanxi, YANXI, 1, removed, idNumber(yanxi).clone(), false,
                java.sql.Date.valueOf("2026-01-01"), "1");
        assertThat(owner.queryForObject("select count(*) from household.active_id_number where member_id = ?",
                Long.class, removed)).isZero();
        owner.update("update household.member set active = false, left_on = date '2026-02-01', decrease_reason = '1'"
                + " where household_id = ? and ordinal = 0", yandong);
        owner.update(member, yanxi, YANXI, 2, UUID.randomUUID(), idNumber(yandong), true, null, null);
        assertThatThrownBy(() -> owner.update("update household.member set active = true, left_on = null,"
                + " decrease_reason = null where household_id = ? and ordinal = 0", yandong))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anAreaGivenAPartitionLaterTakesItsHouseholdsFromTheDefaultOne() {
        UUID id = UUID.randomUUID();
        owner.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, causes)
                values (?, 'MARGINAL', 'POOR', '350499007201', 0, 0, now(), now(), '{}')""", id);
        owner.update("""
                insert into household.member (household_id, division_code, ordinal, member_id, name, gender, id_type,
                    id_number, relation, active)
                values (?, '350499007201', 0, ?, '王五', '1', '01', ?, '01', true)""", id, UUID.randomUUID(),
                idNumber(id));
        assertThat(owner.queryForObject("select household.add_area_partition('350499007')", Boolean.class)).isTrue();
        assertThat(owner.queryForObject("select tableoid::regclass::text from household.member where household_id = ?",
                String.class, id)).isEqualTo("household.member_350499007");
        assertThat(owner.queryForObject("select count(*) from household.active_id_number", Long.class))
                .as("a move changes no living holder").isEqualTo(owner.queryForObject(
                        "select count(*) from household.member where active", Long.class));
        assertThat(owner.queryForObject("select household.add_area_partition('350499007')", Boolean.class))
                .isFalse();
        assertThat(owner.queryForObject("select tableoid::regclass::text from household.household where id = ?",
                String.class, id)).isEqualTo("household.household_350499007");
        assertThat(owner.queryForObject("select count(*) from household.household where id = ?", Long.class, id))
                .isEqualTo(1);
        assertThatThrownBy(() -> owner.queryForObject("select household.add_area_partition('35049')",
                Boolean.class)).isInstanceOf(DataAccessException.class).hasMessageContaining("township");
    }

    @Test
    void aCountyPartitionedByTownshipKeepsItsPartitionsWhenTheCountyLevelIsAsked() {
        flyway().callbacks(new AreaPartitions(COUNTY, AreaPartitions.Level.COUNTY)).load().migrate();
        assertThat(owner.queryForObject("select to_regclass('household.household_350481') is null", Boolean.class))
                .as("no county partition over its townships'").isTrue();
        assertThat(owner.queryForObject("select count(*) from household.household_350481001", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aRegistryPartitionedByCountyHasOnePartitionForItsCountyAndKeepsItWhenTownshipsAreAsked() throws Exception {
        DataSource fresh = EmbeddedPostgresInitializer.freshDatabase("migration_32_county");
        try (Connection connection = fresh.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema household");
        }
        flyway(fresh)
                .callbacks(new AreaPartitions(COUNTY, AreaPartitions.Level.COUNTY)).load().migrate();
        JdbcTemplate county = new JdbcTemplate(fresh);
        UUID id = UUID.randomUUID();
        county.update("""
                insert into household.household (id, category, status, division_code, size, version, created_at,
                    updated_at, causes)
                values (?, 'MARGINAL', 'POOR', ?, 0, 0, now(), now(), '{}')""", id, YANXI);
        flyway(fresh)
                .callbacks(new AreaPartitions(COUNTY, AreaPartitions.Level.TOWNSHIP)).load().migrate();
        for (String table : List.of("household", "member", "annual_record")) {
            assertThat(county.queryForList("""
                    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                    where i.inhparent = ?::regclass""", String.class, "household." + table))
                    .as(table).containsExactlyInAnyOrder(table + "_350481", table + "_elsewhere");
        }
        assertThat(county.queryForObject("select tableoid::regclass::text from household.household where id = ?",
                String.class, id)).isEqualTo("household.household_350481");
    }

    private static String catalog() {
        return owner.queryForObject("select current_database()", String.class);
    }
}
