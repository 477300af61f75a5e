package cn.rescueforce.devkit.testing;

import cn.rescueforce.devkit.TokenEndpoint;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The token endpoint of a calling service's tests: a {@link TokenEndpoint} that knows one client, the service under
 * test ({@code client-id}, its {@code quarkus.oidc-client.client-id}, which is the application's name), with a
 * secret made for this run. The service's OIDC client is pointed at it; the tokens it obtains are development
 * tokens of level {@code service}, which the doubles of the other services check as the real ones would.
 * <pre>
 *   &#64;QuarkusTestResource(value = ServiceAccountTokens.class, initArgs = &#64;ResourceArg(name = "client-id", value = "equipment-api"))
 * </pre>
 */
public class ServiceAccountTokens implements QuarkusTestResourceLifecycleManager {

    /** Long enough that one test run never renews; renewal before expiry is the OIDC client's own. */
    private static final Duration LIFETIME = Duration.ofHours(1);

    private static volatile TokenEndpoint running;

    private String clientId;
    private TokenEndpoint endpoint;

    @Override
    public void init(Map<String, String> initArgs) {
        clientId = initArgs.get("client-id");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("ServiceAccountTokens needs the client-id of the service under test");
        }
    }

    @Override
    public Map<String, String> start() {
        String secret = TokenEndpoint.newSecret();
        try {
            endpoint = TokenEndpoint.start(0, Map.of(clientId, secret), LIFETIME);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the token endpoint", e);
        }
        running = endpoint;
        return Map.of(
                "quarkus.oidc-client.token-path", endpoint.url(),
                "quarkus.oidc-client.credentials.secret", secret);
    }

    /** Tokens the running endpoint has issued so far. */
    public static int issued() {
        TokenEndpoint current = running;
        if (current == null) {
            throw new IllegalStateException("no ServiceAccountTokens endpoint is running");
        }
        return current.issued();
    }

    @Override
    public void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
