package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.MemberIncrease;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.identifiers.ResidentId;
import tools.jackson.databind.JsonNode;

/**
 * Poison on a topic (issue 16, item 6): records that are no JSON, of a type no contract publishes, or of a version not
 * yet known, keyed to a household so they lie in its partition ahead of its next event. Each consumer sends each it
 * must read to its dead-letter topic with the reason (a version of a type it does not read is nothing to it), and the
 * partition keeps flowing: the household's next change is counted.
 * The audit verifier then refuses the topic: records no service published are violations. (The suite's classes run
 * in name order, so {@link AuditTrailE2ETests} verifies the topics before this writes to them.)
 */
class PoisonRecordsE2ETests {

    private static final String VILLAGE = WalkingSkeletonE2ETests.VILLAGE;

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void poisonGoesToTheDeadLettersWithItsReasonAndThePartitionKeepsFlowing() throws Exception {
        Api clerk = Api.as("xiyang.clerk");
        Api city = Api.as("city.officer");
        var registered = clerk.post("/api/v1/households", WorkPlanFixture.SYNTHETIC.next(VILLAGE));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = Api.json(registered).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> persons(city) > 0);
        long personsBefore = persons(city);

        String marker = UUID.randomUUID().toString();
        String envelope = """
                {"specversion":"1.0","id":"household:household:%s:%s","source":"/fupin/household-service",\
                "type":"fupin.household.%s","subject":"%s","time":"2026-12-04T08:00:00Z",\
                "datacontenttype":"application/json","areacode":"%s","actor":"poison","correlationid":"%s",\
                "aggregatetype":"household","sequence":%d,"data":{}}""";
        List<String> poison = List.of(
                "{not json " + marker,
                envelope.formatted(id, 901, "HouseholdTeleported.v1", id, VILLAGE, marker, 901),
                envelope.formatted(id, 902, "MemberAdded.v9", id, VILLAGE, marker, 902));
        // a forger with the operator's credentials: no service's user may write household.events
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Stack.kafka("admin", Map.of()),
                new StringSerializer(), new StringSerializer())) {
            for (String record : poison) {
                producer.send(new ProducerRecord<>("household.events", id, record)).get();
            }
        }

        // born a day before the forms test's newborn, so the two never draw the same number
        ResidentId baby = ResidentId.of("350481", LocalDate.of(2020, 7, 6), (int) (System.nanoTime() % 400) * 2 + 1);
        var added = clerk.post("/api/v1/households/" + id + "/members", new MemberIncrease(
                new MemberInput("新生儿", "1", baby.value(), "07").birthDate(baby.birthDate()), "1",
                LocalDate.of(2020, 7, 7)), "If-Match", "\"0\"");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(persons(city))
                .as("the member added after the poison is counted").isEqualTo(personsBefore + 1));

        // review reads no MemberAdded: a version of it review does not know is nothing to review
        // each service's dead letters are <topic>.<service>.dlt, whichever of its listeners refused the record
        Map<String, List<String>> expected = Map.of("reporting-service", poison, "monitoring-service", poison,
                "review-service", poison.subList(0, 2));
        for (String group : expected.keySet()) {
            List<ConsumerRecord<byte[], byte[]>> dead = await(group).atMost(Duration.ofSeconds(60)).until(
                    () -> Topics.read("household.events." + group + ".dlt",
                            record -> Topics.text(record.value()).contains(marker)),
                    found -> found.size() == expected.get(group).size());
            assertThat(dead).as(group).allSatisfy(letter -> {
                assertThat(Topics.text(letter.key())).isEqualTo(id);
                assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo("household.events");
                assertThat(header(letter, "kafka_dlt-exception-message")).as("the reason").isNotBlank();
            });
            assertThat(dead).extracting(letter -> Topics.text(letter.value()))
                    .containsExactlyElementsOf(expected.get(group));
        }

        // records no service published: an audit tool sees them for what they are
        Topics.Verification verification = Topics.verify("--topic", "household.events");
        assertThat(verification.status()).as(verification.report()).isEqualTo(1);
        String report = verification.report();
        assertThat(report).contains("VIOLATION unreadable: 1", "VIOLATION gap: 1");
    }

    private static long persons(Api city) {
        JsonNode overview = Api.json(city.get("/api/v1/reports/overview?areaCode=" + VILLAGE));
        return overview.get("persons").asLong();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
