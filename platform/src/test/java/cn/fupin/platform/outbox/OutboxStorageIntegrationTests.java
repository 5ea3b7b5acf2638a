package cn.fupin.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.testing.RealInfrastructure;

/**
 * An event is written once, read once and deleted: PostgreSQL does not compress it, in the outbox or in a long
 * transaction's staging table, though a household's event (2–3 KB) is past the size at which it would (platform
 * migration 6; compressing them cost more than twice the time of writing them).
 */
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "fupin.events.service=test", "fupin.events.topic=storage.events",
                "fupin.events.relay.enabled=false", "spring.flyway.locations=classpath:db/platform-test" })
class OutboxStorageIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    record Note(String text) {
    }

    @Test
    void aLargeEventIsStoredUncompressedInTheOutboxAndInItsStagingTable() {
        // 4.5 KB in UTF-8, and as compressible as text gets
        Note large = new Note("户".repeat(1_500));
        transactions.executeWithoutResult(status -> {
            outbox.append(OutgoingEvent.of("thing", "appended", "350481100201", large));
            outbox.stage(List.of(OutgoingEvent.of("thing", "staged", "350481100201", large)));
            assertThat(jdbc.queryForList("select octet_length(payload) from outbox_event where message_key = 'appended'",
                    Integer.class)).singleElement().satisfies(bytes -> assertThat(bytes).isGreaterThan(4_500));
            assertThat(jdbc.queryForList(
                    "select pg_column_compression(payload) from outbox_event where message_key = 'appended'",
                    String.class)).containsExactly((String) null);
            assertThat(jdbc.queryForList(
                    "select pg_column_compression(payload) from outbox_staging where message_key = 'staged'",
                    String.class)).containsExactly((String) null);
            status.setRollbackOnly();
        });
    }
}
