package cn.rescueforce.assessment.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A small HTTP server (JDK com.sun.net.httpserver) answering a part of another service's contract, for tests
 * only. It can be stopped (connections refused, as when the service is down) and started again on the same port.
 */
public abstract class ServiceDouble {

    protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final int port;
    private HttpServer server;

    protected ServiceDouble() {
        try (ServerSocket free = new ServerSocket(0)) {
            free.setReuseAddress(true);
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!calledByServiceAccount(exchange)) {
                    send(exchange, 401, problem(401, "unauthorized", "a service-account token is required"));
                    return;
                }
                handle(exchange);
            } catch (RuntimeException e) {
                send(exchange, 500, problem(500, "internal", e.toString()));
            }
        });
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** The caller must present a bearer token of level {@code service}, as the real services demand. */
    private static boolean calledByServiceAccount(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            var claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("groups").toString().contains("\"service\"");
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    protected static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    protected static ObjectNode problem(int status, String type, String detail) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "https://rescue-force.cn/problems/" + type);
        problem.put("title", type);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    protected static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
