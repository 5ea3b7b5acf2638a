package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.local.LocalStack;
import tools.jackson.databind.JsonNode;

/**
 * The operator's backup and restore ({@code fupin backup}, {@code fupin restore}, then {@code fupin rebuild-reports})
 * on the running stack: PostgreSQL — every service's schema — backed up while it serves, the database replaced by the
 * backup, every service started on it; reporting's read models replayed from the topics. What the backup held is
 * there again, what came after it is not, the reports agree with the owners, the topics verify, and the registry
 * takes new households on where it left off.
 */
class BackupRestoreE2ETests {

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void aBackupRestoredIsTheRegistryAsItWasAndTheReportsAreReplayed() throws Exception {
        Api clerk = Api.as("xiyang.clerk");
        RegisterHouseholdRequest before = WorkPlanFixture.SYNTHETIC.next(WalkingSkeletonE2ETests.VILLAGE,
                HouseholdCategory.REGISTERED);
        var registered = clerk.post("/api/v1/households", before);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String household = Api.json(registered).get("id").asString();
        NothingLost.assertReconciled();

        Path backup = Path.of("target/backups", UUID.randomUUID().toString()).toAbsolutePath();
        Properties manifest = Stack.get().backupDatabase(backup);
        assertThat(Files.exists(backup.resolve("data/backup_label"))).isTrue();
        assertThat(Long.parseLong(manifest.getProperty("bytes"))).isPositive();
        // written after the backup, by the database's owner beside the services' schemas: gone once it is restored
        owner("create table public.written_after_the_backup (id int)");

        Path replaced = Stack.get().restoreDatabase(backup);

        assertThat(replaced).as("the data the restore replaced, kept").exists();
        assertThat(ownerFinds("select count(*) from pg_tables where tablename = 'written_after_the_backup'"))
                .isZero();
        Api registry = Api.as("city.officer");
        JsonNode found = Api.json(registry.get("/api/v1/persons?idNumber="
                + before.getMembers().get(0).getIdNumber()));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("householdId").asString()).isEqualTo(household);

        assertThat(LocalStack.rebuildReports(Stack.options())).as("fupin rebuild-reports").isTrue();
        NothingLost.assertReconciled();
        NothingLost.assertTopicsVerify();

        var after = clerk.post("/api/v1/households", WorkPlanFixture.SYNTHETIC.next(WalkingSkeletonE2ETests.VILLAGE,
                HouseholdCategory.REGISTERED));
        assertThat(after.statusCode()).as("the registry takes households on: " + after.body()).isEqualTo(201);
        String next = Api.json(after).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !Topics.keyed("household.events", next).isEmpty());
        NothingLost.assertReconciled();
    }

    private static void owner(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Stack.get().jdbcUrl(), "fupin", "fupin")) {
            connection.createStatement().execute(sql);
        }
    }

    private static long ownerFinds(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Stack.get().jdbcUrl(), "fupin", "fupin");
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
