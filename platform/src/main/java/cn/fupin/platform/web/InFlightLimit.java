package cn.fupin.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * At most {@code limit} requests of the API in work at once; one beyond waits up to {@code wait} for a place, then is
 * refused with 503, {@code Retry-After} and a problem body, before anything of it is read. Virtual threads take every
 * request a client sends: offered more registrations than it can serve, household-service held thousands of them at
 * once, each waiting half a minute for one of ten database connections with its body parsed, until its heap ran out
 * (the benchmark suite's 400/s step). Health and metrics are never refused: a busy service is alive and ready.
 */
public class InFlightLimit extends OncePerRequestFilter {

    private final Semaphore places;
    private final int limit;
    private final Duration wait;
    private final JsonMapper json;

    public InFlightLimit(int limit, Duration wait, JsonMapper json) {
        this.places = new Semaphore(limit);
        this.limit = limit;
        this.wait = wait;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            places.release();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-busy", "服务繁忙",
                "服务同时处理的请求已达上限 (" + limit + ")，请稍后重试"), json);
    }
}
