package cn.rescueforce.assessment.serviceaccount;

import cn.rescueforce.assessment.AssessmentConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bearer token assessment-api presents to teams-api and equipment-api: a {@code service}-level token.
 * In prod it comes from Keycloak by client credentials; in dev, local and test it is signed with the
 * development key (the only place besides scripts/devkit that knows that key, and never active in prod).
 * Tokens are cached until shortly before they expire.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by ServiceAccountHeaders, which the REST client creates itself
public class ServiceAccountToken {

    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    private static final Duration DEV_LIFETIME = Duration.ofMinutes(10);

    @Inject
    AssessmentConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public synchronized String current() {
        if (token == null || Instant.now().isAfter(expiresAt.minus(REFRESH_AHEAD))) {
            AssessmentConfig.ServiceAccount account = config.serviceAccount();
            switch (account.mode()) {
                case "dev-key" -> signWithDevelopmentKey(account);
                case "client-credentials" -> fetchByClientCredentials(account);
                default -> throw new IllegalStateException("assessment.service-account.mode must be client-credentials or dev-key");
            }
        }
        return token;
    }

    private void fetchByClientCredentials(AssessmentConfig.ServiceAccount account) {
        String form = "grant_type=client_credentials&client_id=" + encode(account.clientId().orElseThrow(() -> missing("client-id")))
                + "&client_secret=" + encode(account.clientSecret().orElseThrow(() -> missing("client-secret")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.tokenUrl().orElseThrow(() -> missing("token-url"))))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the identity provider refused the service account: HTTP " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText();
            expiresAt = Instant.now().plusSeconds(body.path("expires_in").asLong(60));
        } catch (IOException e) {
            throw new UncheckedIOException("the identity provider cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the service-account token", e);
        }
    }

    private void signWithDevelopmentKey(AssessmentConfig.ServiceAccount account) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", account.devIssuer());
        claims.put("sub", account.subject());
        claims.put("groups", List.of("service"));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(DEV_LIFETIME).getEpochSecond());
        try {
            String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = base64Url(json.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(developmentKey(account.devKey().orElseThrow(() -> missing("dev-key"))));
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            token = header + "." + payload + "." + base64Url(rsa.sign());
            expiresAt = now.plus(DEV_LIFETIME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the development service token", e);
        }
    }

    private static PrivateKey developmentKey(String location) throws IOException, GeneralSecurityException {
        String pem;
        if (location.startsWith("classpath:")) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location.substring("classpath:".length()))) {
                if (in == null) {
                    throw new IOException("no " + location);
                }
                pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } else {
            pem = Files.readString(Path.of(location));
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException("assessment.service-account." + key + " is not configured");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
