package cn.rescueforce.equipment.support;

import cn.rescueforce.devkit.DevToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of teams-api, in this module's tests only: it serves {@code GET /api/v1/teams/{teamId}} of the
 * teams-api contract over real HTTP, so equipment-api's generated client, its timeouts and its service-account
 * token are exercised for real. Like teams-api it answers 401 unless the bearer token is signed with the
 * development key and carries the {@code service} level, and 404 (problem+json) for an unknown team.
 * <p>
 * Tests drive it through a second, control port ({@code teams-api-double.control-url}): {@code PUT /teams/{id}}
 * seeds a team (a teams-api Team JSON), {@code GET /lookups/{id}} counts the lookups of a team, and
 * {@code POST}/{@code DELETE /outage} stop and restart the teams-api port, to prove the 503 path.
 */
public class TeamsApiDouble implements QuarkusTestResourceLifecycleManager {

    private static final Pattern TEAM_PATH = Pattern.compile("^/api/v1/teams/([0-9a-fA-F-]{36})$");

    private final Map<String, byte[]> teams = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private HttpServer api;
    private HttpServer control;
    private int apiPort;
    private PublicKey developmentKey;

    @Override
    public Map<String, String> start() {
        try {
            developmentKey = developmentKey();
            api = startApi(0);
            apiPort = api.getAddress().getPort();
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            control.createContext("/", this::control);
            control.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the teams-api double", e);
        }
        return Map.of(
                "rescue-force.teams-api.url", "http://127.0.0.1:" + apiPort,
                "rescue-force.teams-api.token", DevToken.level("service").subject("service-account-equipment-api").sign(),
                "rescue-force.teams-api.read-timeout", "2S",
                "teams-api-double.control-url", "http://127.0.0.1:" + control.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (api != null) {
            api.stop(0);
        }
        if (control != null) {
            control.stop(0);
        }
    }

    private HttpServer startApi(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/v1/teams/", this::getTeam);
        server.start();
        return server;
    }

    private void getTeam(HttpExchange exchange) throws IOException {
        Matcher path = TEAM_PATH.matcher(exchange.getRequestURI().getPath());
        if (!"GET".equals(exchange.getRequestMethod()) || !path.matches()) {
            problem(exchange, 404, "not-found", "No such operation in this double");
            return;
        }
        if (!isServiceToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, 401, "unauthorized", "A valid bearer token is required");
            return;
        }
        String id = path.group(1).toLowerCase();
        lookups.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        byte[] team = teams.get(id);
        if (team == null) {
            problem(exchange, 404, "not-found", "No team " + id);
            return;
        }
        send(exchange, 200, "application/json", team);
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/teams/") && method.equals("PUT")) {
            try (InputStream in = exchange.getRequestBody()) {
                teams.put(path.substring("/teams/".length()).toLowerCase(), in.readAllBytes());
            }
            send(exchange, 204, null, null);
        } else if (path.startsWith("/lookups/") && method.equals("GET")) {
            AtomicInteger count = lookups.get(path.substring("/lookups/".length()).toLowerCase());
            send(exchange, 200, "text/plain", String.valueOf(count == null ? 0 : count.get()).getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/outage") && method.equals("POST")) {
            api.stop(0);
            send(exchange, 204, null, null);
        } else if (path.equals("/outage") && method.equals("DELETE")) {
            api = startApi(apiPort);
            send(exchange, 204, null, null);
        } else {
            send(exchange, 404, null, null);
        }
    }

    /** As teams-api would: signed with the development key, and of level service. */
    private boolean isServiceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(developmentKey);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return payload.replace(" ", "").contains("\"groups\":[\"service\"]");
        } catch (Exception e) {
            return false;
        }
    }

    private static void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        String body = "{\"type\":\"https://rescue-force.cn/problems/" + type + "\",\"title\":\"" + type + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        send(exchange, status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static PublicKey developmentKey() throws Exception {
        try (InputStream in = TeamsApiDouble.class.getResourceAsStream("/dev-keys/public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }
}
