package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JDK's HTTP client with JSON bodies, and the OAuth 2 calls the tests make to Keycloak. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : Repo.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        /** The JSON body, after checking the status (the message names the answer when it differs). */
        JsonNode expect(int expected) {
            assertEquals(expected, status, () -> response.request().method() + " " + response.request().uri() + " -> " + status + " " + body);
            return json();
        }
    }

    private Http() {
    }

    static Answer call(String method, String url, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Repo.JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer get(String url, String token) {
        return call("GET", url, token, null);
    }

    static Answer form(String url, Map<String, String> fields) {
        try {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- tokens

    static final String DEV_CLIENT = "rescue-force-dev-cli";

    /** A token of a user by the password grant of the non-prod CLI client, at {@code tokenUrl}. */
    static String passwordToken(String tokenUrl, String username, String password) {
        return form(tokenUrl, Map.of("grant_type", "password", "client_id", DEV_CLIENT, "username", username, "password", password))
                .expect(200).path("access_token").asText();
    }

    /** A token of a sample user of the realm (its password from the dev overlay's sample data). */
    static String userToken(KeycloakServer keycloak, String username) {
        String password = KeycloakServer.sampleUser(username).path("credentials").path(0).path("value").asText();
        return passwordToken(keycloak.tokenUrl(), username, password);
    }

    static String clientToken(String tokenUrl, String clientId, String secret) {
        return form(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .expect(200).path("access_token").asText();
    }

    static String adminToken(KeycloakServer keycloak) {
        return form(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", keycloak.adminPassword))
                .expect(200).path("access_token").asText();
    }

    /** A call of Keycloak's admin API on the realm rescue-force. */
    static Answer admin(KeycloakServer keycloak, String adminToken, String method, String path, Object body) {
        return call(method, keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path, adminToken, body);
    }

    static JsonNode claims(String jwt) {
        try {
            return Repo.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token's aud claim, a string or an array. */
    static List<String> audiences(String jwt) {
        JsonNode aud = claims(jwt).path("aud");
        List<String> all = new ArrayList<>();
        if (aud.isTextual()) {
            all.add(aud.asText());
        } else {
            aud.forEach(value -> all.add(value.asText()));
        }
        return all;
    }

    static List<String> groups(String jwt) {
        List<String> all = new ArrayList<>();
        claims(jwt).path("groups").forEach(g -> all.add(g.asText()));
        return all;
    }
}
