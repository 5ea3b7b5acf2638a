package cn.fupin.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for every service behind the gateway: answers {@code {}} and tells the test what reached it; or, for
 * the gateway's own 5xx, a service that hangs up or one that is down.
 */
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

    /** A service that takes the connection and the request, then hangs up without an answer. */
    static ServerSocket hangingUp() {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket caller = server.accept()) {
                        caller.getInputStream().read();
                    }
                    catch (IOException closedOrHungUp) {
                        // the next caller, or the end once the test closes the server
                    }
                }
            });
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A server that takes connections and requests and never answers: a peer that hangs. */
    static ServerSocket silent() {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            java.util.List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    }
                    catch (IOException closed) {
                        // the end once the test closes the server
                    }
                }
            });
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A port nothing listens on: a service that is down. */
    static int downPort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
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
