package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.client.FupinClient;
import cn.fupin.client.Problem;
import cn.fupin.client.household.ApiException;
import cn.fupin.client.household.ApiResponse;
import cn.fupin.client.household.api.HouseholdsApi;
import cn.fupin.client.household.model.Household;
import cn.fupin.client.household.model.HouseholdPage;
import cn.fupin.client.reporting.api.ReportsApi;

/**
 * Another government system, with the Java client (clients/java) as its developers would use it: signed in as the
 * machine client {@code gov-data-exchange} (client credentials) at the stack's Keycloak, calling through the gateway.
 */
class JavaClientE2ETests {

    private static final String VILLAGE = WalkingSkeletonE2ETests.VILLAGE;
    private static String household;

    @BeforeAll
    static void aHouseholdToRead() {
        WorkPlanFixture.xiyangOpen();
        household = new Households(new Reviewers(), VILLAGE).registerCandidate();
    }

    @Test
    void aMachineClientReadsTheRegistryThroughTheGateway() throws Exception {
        FupinClient fupin = client(Clock.systemUTC()).build();
        HouseholdsApi households = new HouseholdsApi(fupin.household());

        HouseholdPage page = households.searchHouseholds(VILLAGE, null, null, null, null, 0, 200);
        ApiResponse<Household> read = households.getHouseholdWithHttpInfo(UUID.fromString(household));

        assertThat(page.getContent()).isNotEmpty().allSatisfy(item -> assertThat(item.getDivisionCode())
                .isEqualTo(VILLAGE));
        assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(page.getContent().size());
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getData().getAddress().getDivisionCode()).isEqualTo(VILLAGE);
        assertThat(read.getHeaders().get("etag")).as("the version to send back as If-Match").isNotEmpty();
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndARoleOutsideIsForbidden() {
        FupinClient fupin = client(Clock.systemUTC()).build();

        ApiException refused = catchThrowableOfType(ApiException.class, () -> new HouseholdsApi(fupin.household())
                .searchHouseholds("35048x", null, null, null, null, 0, 20));
        Problem problem = Problem.of(refused.getResponseBody()).orElseThrow();
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("validation-failed");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).contains("areaCode");
        assertThat(problem.correlationId()).isNotBlank();

        var reports = catchThrowableOfType(cn.fupin.client.reporting.ApiException.class,
                () -> new ReportsApi(fupin.reporting()).getOverview(null, null));
        assertThat(reports.getCode()).as("no reports:read asked for").isEqualTo(403);
        assertThat(Problem.of(reports.getResponseBody()).orElseThrow().code()).isEqualTo("forbidden");
    }

    @Test
    void tokensAreKeptAndRenewedBeforeTheyExpireAndScopesAskedFor() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        FupinClient fupin = client(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        }).scopes("reports:read").build();

        String first = fupin.credentials().token();
        assertThat(fupin.credentials().token()).as("kept").isEqualTo(first);
        assertThat(new ReportsApi(fupin.reporting()).getOverview(null, null)).isNotNull();
        now.set(now.get().plus(Duration.ofMinutes(5)));
        String renewed = fupin.credentials().token();

        assertThat(renewed).as("renewed as the realm's 5-minute token runs out").isNotEqualTo(first);
        assertThat(new HouseholdsApi(fupin.household()).searchHouseholds(VILLAGE, null, null, null, null, 0, 1)
                .getContent()).hasSize(1);
    }

    private static FupinClient.Builder client(Clock clock) {
        var stack = Stack.get();
        return FupinClient.builder().gateway(URI.create(stack.gatewayUrl())).issuer(URI.create(stack.issuerUri()))
                .clientCredentials("gov-data-exchange", "gov-data-exchange-secret").clock(clock);
    }

}
