package cn.rescueforce.equipment.teams;

import cn.rescueforce.kit.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The bearer token equipment-api presents to teams-api as a {@code service} level caller: a configured fixed
 * token, or one obtained with the client-credentials grant and reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceAccountToken {

    private static final Logger LOG = Logger.getLogger(ServiceAccountToken.class);
    /** Renew this long before expiry, so a token never expires on its way to teams-api. */
    private static final long RENEW_BEFORE_SECONDS = 30;

    @Inject
    TeamsApiConfig config;

    @Inject
    ObjectMapper mapper;

    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    public String current() {
        if (config.token().isPresent() && !config.token().get().isBlank()) {
            return config.token().get();
        }
        if (config.tokenUrl().isEmpty() || config.clientId().isEmpty() || config.clientSecret().filter(s -> !s.isBlank()).isEmpty()) {
            throw ProblemException.unavailable("teams-api cannot be called: no service account is configured");
        }
        if (token == null || Instant.now().isAfter(renewAt)) {
            synchronized (this) {
                if (token == null || Instant.now().isAfter(renewAt)) {
                    fetch();
                }
            }
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId().get())
                + "&client_secret=" + encode(config.clientSecret().get());
        HttpRequest request = HttpRequest.newBuilder(config.tokenUrl().get())
                .timeout(config.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token endpoint answered " + response.statusCode());
            }
            JsonNode body = mapper.readTree(response.body());
            token = body.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - RENEW_BEFORE_SECONDS));
        } catch (IOException e) {
            LOG.warnf("service-account token not obtained: %s", e.getMessage());
            throw ProblemException.unavailable("teams-api cannot be called: the service-account token could not be obtained");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("teams-api cannot be called: interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
