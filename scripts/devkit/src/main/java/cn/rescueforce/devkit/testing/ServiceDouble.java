package cn.rescueforce.devkit.testing;

import cn.rescueforce.devkit.DevToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * A part of another service's contract served over real HTTP (JDK com.sun.net.httpserver), for the tests of a
 * service that calls it: the generated client, its timeouts, its error translation and its service-account token
 * are exercised for real. Like the real services it answers 401 unless the bearer token is signed with the
 * development key, unexpired and of level {@code service}. {@link #stop()} makes it unreachable (connections
 * refused, as when the service is down) and {@link #start()} brings it back on the same port.
 */
public abstract class ServiceDouble {

    protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final PublicKey DEVELOPMENT_KEY = developmentKey();

    private final String configKey;
    private final int port;
    private HttpServer server;

    /** @param configKey the generated client's configuration key ({@code teams-api}): its URL is pointed here */
    protected ServiceDouble(String configKey) {
        this.configKey = configKey;
        try (ServerSocket free = new ServerSocket(0)) {
            free.setReuseAddress(true);
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String configKey() {
        return configKey;
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
                if (!isServiceToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
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

    /** The service goes down: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** As the real services check it: signed with the development key, not expired, level {@code service}. */
    static boolean isServiceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(DEVELOPMENT_KEY);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            boolean service = false;
            for (JsonNode group : claims.path("groups")) {
                service |= "service".equals(group.asText());
            }
            return service && claims.path("exp").asLong() > Instant.now().getEpochSecond()
                    && DevToken.ISSUER.equals(claims.path("iss").asText());
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
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

    private static PublicKey developmentKey() {
        try (InputStream in = ServiceDouble.class.getResourceAsStream("/dev-keys/public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development public key", e);
        }
    }
}
