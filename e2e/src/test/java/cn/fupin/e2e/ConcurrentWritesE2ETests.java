package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;

/**
 * Many callers at once on the running system: of 50 updates of one household sent together with the same If-Match,
 * exactly one is applied and published, the other 49 are told 412; of 20 registrations sent together that share an
 * ID number, exactly one registers it, the other 19 are told 409. Sent straight to household-service: the gateway's
 * per-caller limit would answer part of such a burst with 429, which is not what is tested here.
 */
class ConcurrentWritesE2ETests {

    private static final String VILLAGE = WalkingSkeletonE2ETests.VILLAGE;

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void ofFiftyUpdatesWithOneETagExactlyOneIsApplied() throws Exception {
        Api clerk = Api.as("xiyang.clerk").direct("household-service");
        var created = clerk.post("/api/v1/households", WorkPlanFixture.SYNTHETIC.next(VILLAGE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).get("id").asString();
        String etag = clerk.get("/api/v1/households/" + id).headers().firstValue("ETag").orElseThrow();

        List<HttpResponse<String>> answers = together(50, n -> () -> clerk.patch("/api/v1/households/" + id,
                Map.of("phone", "139000000%02d".formatted(n)), "If-Match", etag));

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).as(answers.stream().map(HttpResponse::body).distinct().toList().toString())
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 412, 49L));
        HttpResponse<String> winner = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst()
                .orElseThrow();
        var now = clerk.get("/api/v1/households/" + id);
        assertThat(now.headers().firstValue("ETag")).isEqualTo(winner.headers().firstValue("ETag"));
        assertThat(Api.json(now).get("phone").asString()).isEqualTo(Api.json(winner).get("phone").asString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventsOf(id))
                .filteredOn(event -> event.contains(".HouseholdUpdated.")).hasSize(1));
    }

    @Test
    void ofTwentyRegistrationsSharingAnIdNumberExactlyOneRegistersIt() throws Exception {
        Api clerk = Api.as("xiyang.clerk").direct("household-service");
        RegisterHouseholdRequest form = WorkPlanFixture.SYNTHETIC.next(VILLAGE, HouseholdCategory.MARGINAL);
        String idNumber = form.getMembers().getFirst().getIdNumber();

        List<HttpResponse<String>> answers = together(20, n -> () -> clerk.post("/api/v1/households", form));

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).as(answers.stream().map(HttpResponse::body).distinct().toList().toString())
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 19L));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                .allSatisfy(answer -> assertThat(answer.body()).contains("duplicate-id-number"));
        var found = Api.json(Api.as("city.officer").get("/api/v1/persons?idNumber=" + idNumber));
        assertThat(found).as(found.toString()).hasSize(1);
    }

    /** Sends the requests at once (each thread released by one latch) and returns every answer. */
    private static List<HttpResponse<String>> together(int count,
            IntFunction<Callable<HttpResponse<String>>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            IntStream.range(0, count).forEach(n -> sent.add(pool.submit(() -> {
                start.await();
                return request.apply(n).call();
            })));
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        }
    }

    /** The household's events on household.events, read to the topic's end now. */
    private static List<String> eventsOf(String id) {
        return Topics.keyed("household.events", id).stream().map(record -> Topics.text(record.value())).toList();
    }
}
