package cn.fupin.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.TopicProbe;

/**
 * End-to-end outbox throughput: a county import writes 100,000 household events in transactions of 1,000
 * (about 1 KB each, as a HouseholdRegistered with its members is); the relay sends them; a consumer reads
 * them all back and checks every aggregate's order. Prints events per second from the first write to the
 * last event consumed.
 *
 * <p>Run: {@code ./mvnw -pl platform -am test -Pbench}. Not part of the default build: figures belong in the
 * README, not in an assertion on a shared machine.
 */
@Tag("benchmark")
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "fupin.events.service=bench", "fupin.events.topic=bench.events" })
class OutboxThroughputBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    static final int PER_TRANSACTION = 1_000;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventCodec codec;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    record Member(String memberId, String relation, String gender, int birthYear, boolean active) {
    }

    record HouseholdRegistered(String householdId, String category, String status, String divisionCode, int size,
            List<Member> members) {
    }

    @Test
    void countyImport() {
        List<String> households = new ArrayList<>();
        for (int i = 0; i < EVENTS / 2; i++) {
            households.add(UUID.randomUUID().toString());
        }
        try (TopicProbe probe = new TopicProbe(brokers, "bench.events")) {
            probe.poll();
            long start = System.nanoTime();
            for (int written = 0; written < EVENTS; written += PER_TRANSACTION) {
                int from = written;
                transactions.executeWithoutResult(status -> {
                    List<OutgoingEvent> batch = new ArrayList<>(PER_TRANSACTION);
                    for (int i = from; i < from + PER_TRANSACTION; i++) {
                        // two events per household, far apart in the stream, to check order across batches
                        String id = households.get(i % households.size());
                        batch.add(OutgoingEvent.of("household", id, "350481100201", household(id)));
                    }
                    outbox.appendAll(batch);
                });
            }
            long written = System.nanoTime();
            while (probe.poll().size() < EVENTS) {
                assertThat(System.nanoTime() - start).as("all events arrive within 5 minutes").isLessThan(300_000_000_000L);
            }
            long consumed = System.nanoTime();

            Map<String, Long> lastSequence = new HashMap<>();
            probe.poll().forEach(record -> {
                long sequence = codec.read(record.value()).sequence();
                Long previous = lastSequence.put(record.key(), sequence);
                assertThat(sequence).isEqualTo(previous == null ? 1 : previous + 1);
            });
            System.out.printf("%nOUTBOX BENCHMARK: %d events, %d bytes each: written in %.2f s (%.0f events/s), "
                    + "end to end in %.2f s (%.0f events/s)%n%n", EVENTS, probe.poll().getFirst().value().length(),
                    (written - start) / 1e9, EVENTS / ((written - start) / 1e9), (consumed - start) / 1e9,
                    EVENTS / ((consumed - start) / 1e9));
        }
    }

    private static HouseholdRegistered household(String id) {
        List<Member> members = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            members.add(new Member(UUID.randomUUID().toString(), m == 0 ? "01" : "03", m % 2 == 0 ? "1" : "2",
                    1960 + m * 10, true));
        }
        return new HouseholdRegistered(id, "REGISTERED", "POOR", "350481100201", members.size(), members);
    }
}
