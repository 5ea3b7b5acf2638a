package cn.fupin.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for every service behind the gateway: answers {@code {}} and tells the test what reached it. */
final class StandInService {

    private StandInService() {
    }

    static HttpServer start(Consumer<HttpExchange> seen) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                seen.accept(exchange);
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Points every route of the gateway at the stand-in. */
    static void route(DynamicPropertyRegistry registry, HttpServer server) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        for (String service : new String[] { "HOUSEHOLD", "MONITORING", "REVIEW", "REPORTING" }) {
            registry.add("FUPIN_" + service + "_URL", () -> url);
        }
    }
}
