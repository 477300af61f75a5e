package cn.rescueforce.kit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.reactive.filter.OidcClientRequestReactiveFilter;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A service that calls others (its OIDC client enabled) is ready only while its service account can obtain a token:
 * {@code /q/health/ready} is DOWN, with the reason in the check's data, when the secret is missing, when the token
 * endpoint refuses the credentials, or when it cannot be reached. The token is the one the REST clients put on their
 * calls: it comes from the same OIDC client filter (a singleton), which keeps it and renews it shortly before it
 * expires ({@code quarkus.oidc-client.refresh-token-time-skew}), so a probe every few seconds asks the token endpoint
 * no more often than the calls do. Neither the secret nor the token nor the endpoint's error description is ever in
 * the data: only the OAuth error code. A service that calls no other reports UP and says so. A service whose own
 * operations do not depend on its calls (teams-api: only the figures read other services, and mark their sections
 * unavailable) sets {@code rescue-force.service-account.required-for-readiness=false}: the problem is reported in the
 * check's data while the check stays UP, so a Keycloak outage never takes the registry out of its Service.
 */
@Readiness
@ApplicationScoped
public class ServiceAccountReadiness implements AsyncHealthCheck {

    static final String NAME = "service account";
    static final String SECRET_MISSING = "secret missing: set SERVICE_ACCOUNT_CLIENT_SECRET";
    static final String UNREACHABLE = "token endpoint unreachable";

    /** OAuth 2.0 token error codes (RFC 6749, section 5.2) that mean these credentials are not accepted. */
    private static final Set<String> REFUSED = Set.of("invalid_client", "unauthorized_client", "invalid_grant",
            "invalid_scope", "access_denied");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the OIDC client's connection timeout (3 s), shorter than a probe's. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final boolean callsOthers;
    private final String clientId;
    private final Optional<String> secret;
    private final Instance<OidcClientRequestReactiveFilter> tokens;
    private final boolean required;

    ServiceAccountReadiness(@ConfigProperty(name = "quarkus.oidc-client.enabled", defaultValue = "false") boolean callsOthers,
                            @ConfigProperty(name = "rescue-force.service-account.required-for-readiness", defaultValue = "true")
                            boolean required,
                            @ConfigProperty(name = "quarkus.oidc-client.client-id") Optional<String> clientId,
                            @ConfigProperty(name = "quarkus.oidc-client.credentials.secret") Optional<String> secret,
                            Instance<OidcClientRequestReactiveFilter> tokens) {
        this.callsOthers = callsOthers;
        this.clientId = clientId.orElse("");
        this.secret = secret;
        this.tokens = tokens;
        this.required = required;
    }

    /** A problem of the service account: DOWN, or UP with the problem when the service is ready without its calls. */
    private HealthCheckResponse failing(HealthCheckResponseBuilder check, String problem) {
        check.withData("problem", problem);
        return required ? check.down().build() : check.up().withData("requiredForReadiness", false).build();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named(NAME);
        if (!callsOthers) {
            return Uni.createFrom().item(check.up().withData("serviceAccount", "none: this service calls no other").build());
        }
        check.withData("serviceAccount", clientId);
        if (secret.filter(s -> !s.isBlank()).isEmpty()) {
            return Uni.createFrom().item(failing(check, SECRET_MISSING));
        }
        return tokens.get().getTokens()
                .ifNoItem().after(PATIENCE).failWith(TimeoutException::new)
                .map(current -> up(check, current))
                .onFailure().recoverWithItem(failure -> failing(check, problem(failure)));
    }

    private static HealthCheckResponse up(HealthCheckResponseBuilder check, Tokens current) {
        Long expiresAt = current.getAccessTokenExpiresAt();
        if (expiresAt != null) {
            check.withData("tokenExpiresAt", Instant.ofEpochSecond(expiresAt).toString());
        }
        return check.up().build();
    }

    /** What a failed token request means, for an operator: never the secret, the token or the endpoint's own text. */
    static String problem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException
                    || cause.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")) {
                return UNREACHABLE;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OidcClientException) {
                String error = errorCode(cause.getMessage());
                if (error == null) {
                    return "token endpoint did not issue a token";
                }
                return REFUSED.contains(error) ? "token endpoint refused the credentials (" + error + ")"
                        : "token endpoint refused the request (" + error + ")";
            }
        }
        return "token request failed (" + failure.getClass().getSimpleName() + ")";
    }

    /**
     * The {@code error} of an OAuth 2.0 error answer, which the OIDC client passes on as its exception's message, or
     * null when there is none (or it is not a plain code).
     */
    static String errorCode(String message) {
        if (message == null) {
            return null;
        }
        int start = message.indexOf('{');
        if (start < 0) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(message.substring(start)).path("error");
            return error.isTextual() && ERROR_CODE.matcher(error.asText()).matches() ? error.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
