package cn.fupin.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP client that waits out the gateway's 429 (its per-caller limit): told {@code too-many-requests}, it waits
 * the {@code Retry-After} seconds and sends the same request again, up to {@code retries} times, and gives back a 429
 * asking to wait longer than {@code maxWait}. Safe to resend: reads change nothing, updates carry {@code If-Match},
 * creations an {@code Idempotency-Key}. Asynchronous sends are passed through as they are.
 */
final class RateLimitRetries extends HttpClient {

    private final HttpClient http;
    private final int retries;
    private final Duration maxWait;

    RateLimitRetries(HttpClient http, int retries, Duration maxWait) {
        this.http = http;
        this.retries = retries;
        this.maxWait = maxWait;
    }

    /** A builder of the generated clients' HTTP client: the settings given, the retries around what it builds. */
    static HttpClient.Builder around(HttpClient.Builder builder, int retries, Duration maxWait) {
        return new Builder(builder, retries, maxWait);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<T> response = http.send(request, handler);
            if (response.statusCode() != 429 || attempt >= retries) {
                return response;
            }
            Duration wait = Duration.ofSeconds(response.headers().firstValue("Retry-After")
                    .filter(seconds -> seconds.matches("\\d{1,6}")).map(Long::parseLong).orElse(1L));
            if (wait.compareTo(maxWait) > 0) {
                return response;
            }
            if (response.body() instanceof InputStream body) {
                body.close();
            }
            Thread.sleep(wait.toMillis());
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return http.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushes) {
        return http.sendAsync(request, handler, pushes);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }

    private record Builder(HttpClient.Builder builder, int retries, Duration maxWait) implements HttpClient.Builder {

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookies) {
            builder.cookieHandler(cookies);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            builder.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext context) {
            builder.sslContext(context);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters parameters) {
            builder.sslParameters(parameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            builder.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            builder.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(Version version) {
            builder.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            builder.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector selector) {
            builder.proxy(selector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            builder.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return new RateLimitRetries(builder.build(), retries, maxWait);
        }
    }
}
