package cn.fupin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * One keep-alive connection, as a client that sends its next request the moment the last answer arrives: every
 * request is answered, refusals the edge decides at once (no token, a bad token) among them. Reactor Netty 1.3.6
 * buffers a request that arrives before the previous one's operations have ended, and after a buffered request
 * answered synchronously it could stop reading the connection: the next request waited for the client's timeout
 * (the attack suite's "unanswered after 30 s"). {@link GatewayApplication} turns on the flush mode that dispatches
 * such a request at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/test",
                "fupin.gateway.rate-limit.capacity=100000" })
class KeepAliveTests {

    static final HttpServer backend = StandInService.start(exchange -> { });

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        StandInService.route(registry, backend);
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @Test
    void everyRequestOfOneConnectionIsAnsweredWhateverTheOneBeforeIt() throws IOException {
        String[] tokens = { null, "forged", "valid", "forged", null, "valid" };
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 1_000; i++) {
                String token = tokens[i % tokens.length];
                out.write(("GET /api/v1/reports/overview HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int status;
                try {
                    status = readResponse(in);
                }
                catch (SocketTimeoutException unanswered) {
                    throw new AssertionError("request " + i + " (token " + token + ") unanswered after 5 s", unanswered);
                }
                assertThat(status).as("request " + i).isEqualTo("valid".equals(token) ? 200 : 401);
            }
        }
    }

    /** Reads one response with a Content-Length body (what the edge and the stand-in give) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the gateway");
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(lines[0].split(" ")[1]);
    }

    @TestConfiguration
    static class Tokens {

        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return StandInTokens.validOnly();
        }
    }
}
