package cn.fupin.client;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Fupin's four services through its gateway, signed in as a machine client: each request carries a valid access token
 * of the client's (kept and renewed by {@link ClientCredentials}); a token the API refuses is dropped and the next
 * request fetches another; a 429 of the gateway is waited out ({@link Builder#retriesOn429}).
 *
 * <pre>{@code
 * FupinClient fupin = FupinClient.builder()
 *         .gateway(URI.create("https://fupin.example.gov.cn"))
 *         .issuer(URI.create("https://sso.example.gov.cn/realms/fupin"))
 *         .clientCredentials("gov-data-exchange", secret)
 *         .build();
 * HouseholdPage page = new HouseholdsApi(fupin.household())
 *         .searchHouseholds("350481100", null, null, null, null, 0, 50);
 * }</pre>
 *
 * Each of {@link #household()}, {@link #monitoring()}, {@link #review()} and {@link #reporting()} is the generated
 * client of one contract, given to that contract's API classes ({@code cn.fupin.client.<service>.api}).
 */
public final class FupinClient {

    private final ClientCredentials credentials;
    private final cn.fupin.client.household.ApiClient household;
    private final cn.fupin.client.monitoring.ApiClient monitoring;
    private final cn.fupin.client.review.ApiClient review;
    private final cn.fupin.client.reporting.ApiClient reporting;

    private FupinClient(Builder builder) {
        HttpClient http = builder.http.build();
        this.credentials = new ClientCredentials(builder.issuer, builder.clientId, builder.clientSecret,
                builder.scopes.isEmpty() ? null : String.join(" ", builder.scopes), http, builder.clock,
                builder.renewAhead);
        String base = builder.gateway.toString().replaceAll("/+$", "");
        HttpClient.Builder api = RateLimitRetries.around(builder.http, builder.retries, builder.maxWait);
        household = new cn.fupin.client.household.ApiClient(api,
                cn.fupin.client.household.ApiClient.createDefaultObjectMapper(), base)
                .setRequestInterceptor(this::signed).setResponseInterceptor(this::refusedToken)
                .setReadTimeout(builder.readTimeout);
        monitoring = new cn.fupin.client.monitoring.ApiClient(api,
                cn.fupin.client.monitoring.ApiClient.createDefaultObjectMapper(), base)
                .setRequestInterceptor(this::signed).setResponseInterceptor(this::refusedToken)
                .setReadTimeout(builder.readTimeout);
        review = new cn.fupin.client.review.ApiClient(api,
                cn.fupin.client.review.ApiClient.createDefaultObjectMapper(), base)
                .setRequestInterceptor(this::signed).setResponseInterceptor(this::refusedToken)
                .setReadTimeout(builder.readTimeout);
        reporting = new cn.fupin.client.reporting.ApiClient(api,
                cn.fupin.client.reporting.ApiClient.createDefaultObjectMapper(), base)
                .setRequestInterceptor(this::signed).setResponseInterceptor(this::refusedToken)
                .setReadTimeout(builder.readTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Households, members, annual records, data issues, imports, exports, areas, the codebook. */
    public cn.fupin.client.household.ApiClient household() {
        return household;
    }

    /** Monitoring objects, their risks and assistance. */
    public cn.fupin.client.monitoring.ApiClient monitoring() {
        return monitoring;
    }

    /** Reviews, the work plan, function requests. */
    public cn.fupin.client.review.ApiClient review() {
        return review;
    }

    /** The municipal reports. */
    public cn.fupin.client.reporting.ApiClient reporting() {
        return reporting;
    }

    /** The client's tokens. */
    public ClientCredentials credentials() {
        return credentials;
    }

    private void signed(HttpRequest.Builder request) {
        request.setHeader("Authorization", "Bearer " + credentials.token());
    }

    private void refusedToken(HttpResponse<InputStream> response) {
        if (response.statusCode() == 401) {
            response.request().headers().firstValue("Authorization")
                    .ifPresent(header -> credentials.refused(header.substring("Bearer ".length())));
        }
    }

    public static final class Builder {

        private URI gateway;
        private URI issuer;
        private String clientId;
        private String clientSecret;
        private List<String> scopes = List.of();
        private HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration renewAhead = Duration.ofSeconds(30);
        private int retries = 3;
        private Duration maxWait = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The gateway's address, e.g. {@code https://fupin.example.gov.cn}. */
        public Builder gateway(URI gateway) {
            this.gateway = gateway;
            return this;
        }

        /** The realm's issuer, e.g. {@code https://sso.example.gov.cn/realms/fupin}. */
        public Builder issuer(URI issuer) {
            this.issuer = URI.create(issuer.toString().replaceAll("/+$", ""));
            return this;
        }

        /** The machine client the city office registered for the calling system, and its secret. */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** Optional scopes to ask for besides the client's defaults, e.g. {@code reports:read}. */
        public Builder scopes(String... scopes) {
            this.scopes = List.of(scopes);
            return this;
        }

        /** The HTTP client's settings (proxy, TLS, connect timeout); 10 s to connect by default. */
        public Builder http(HttpClient.Builder http) {
            this.http = http;
            return this;
        }

        /** How long an answer may take; 60 s by default (an export's may take longer). */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** How long before a token expires a new one is fetched; 30 s by default. */
        public Builder renewAhead(Duration renewAhead) {
            this.renewAhead = renewAhead;
            return this;
        }

        /**
         * How a 429 of the gateway (its per-caller limit) is waited out: the call waits the answer's
         * {@code Retry-After} and is sent again, up to {@code retries} times (3 by default); a 429 asking to wait
         * longer than {@code maxWait} (30 s by default), or the last one, is thrown as the API's exception. 0 retries:
         * every 429 is thrown.
         */
        public Builder retriesOn429(int retries, Duration maxWait) {
            this.retries = retries;
            this.maxWait = maxWait;
            return this;
        }

        /** The clock tokens expire by; the system's by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public FupinClient build() {
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientCredentials");
            Objects.requireNonNull(clientSecret, "clientCredentials");
            return new FupinClient(this);
        }
    }
}
