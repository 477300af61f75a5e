package cn.rescueforce.devkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client-credentials token endpoint for local runs and tests, where there is no Keycloak: what the services'
 * OIDC client ({@code quarkus.oidc-client.token-path}) asks for a service-account token. It knows the clients it
 * was started with (client id → secret), accepts them as the OAuth 2.0 token endpoint does (HTTP Basic, or
 * {@code client_id}/{@code client_secret} in the form) with {@code grant_type=client_credentials}, and answers a
 * development token ({@link DevToken}) of level {@code service} and subject {@code service-account-<client_id>}.
 * Those tokens are signed with the development key, which only the dev, local and test profiles trust: the
 * {@code prod} profile never accepts what this endpoint issues. JDK only, like the rest of the launcher.
 */
public final class TokenEndpoint implements AutoCloseable {

    public static final String PATH = "/token";

    private final Map<String, String> secrets;
    private final Duration lifetime;
    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();

    private TokenEndpoint(Map<String, String> secrets, Duration lifetime, HttpServer server) {
        this.secrets = Map.copyOf(secrets);
        this.lifetime = lifetime;
        this.server = server;
    }

    /** Listens on 127.0.0.1, on a free port ({@code port} 0) or the one given. */
    public static TokenEndpoint start(int port, Map<String, String> secretsByClientId, Duration lifetime) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        TokenEndpoint endpoint = new TokenEndpoint(secretsByClientId, lifetime, server);
        server.createContext(PATH, endpoint::handle);
        server.start();
        return endpoint;
    }

    /** A secret nobody can guess, for a client of one run. */
    public static String newSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The absolute URL to give {@code quarkus.oidc-client.token-path}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Tokens issued so far: a client that keeps its token asks once per lifetime. */
    public int issued() {
        return issued.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, error("invalid_request", "POST the token request"));
                return;
            }
            Map<String, String> form;
            try (InputStream in = exchange.getRequestBody()) {
                form = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            String[] client = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
            String clientId = client != null ? client[0] : form.get("client_id");
            String secret = client != null ? client[1] : form.get("client_secret");
            if (clientId == null || secret == null || !secrets.containsKey(clientId)
                    || !MessageDigest.isEqual(secrets.get(clientId).getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"rescue-force\"");
                answer(exchange, 401, error("invalid_client", "unknown client or wrong secret"));
                return;
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                answer(exchange, 400, error("unsupported_grant_type", "only client_credentials is served here"));
                return;
            }
            String token = DevToken.level("service").subject("service-account-" + clientId).claim("azp", clientId)
                    .lifetime(lifetime).sign();
            issued.incrementAndGet();
            answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + lifetime.toSeconds() + "}");
        } catch (RuntimeException e) {
            answer(exchange, 400, error("invalid_request", "unreadable token request"));
        }
    }

    /** {@code Authorization: Basic base64(urlencoded id ":" urlencoded secret)} (RFC 6749, section 2.3.1), or null. */
    static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return form;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String error(String code, String description) {
        return "{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
