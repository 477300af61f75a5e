package cn.rescueforce.kit.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer authentication through quarkus-oidc, remembering each token it has verified until the token
 * expires. Verifying an RS256 signature costs more CPU than the rest of a registry read together; clients
 * (mobile apps, provincial systems, the other services) send the same token for minutes. A token is only
 * ever cached after quarkus-oidc accepted it (signature, issuer, expiry) and {@link LevelClaimsCheck} accepted
 * its claims; it is dropped at its {@code exp}. A failed or unknown token always goes to quarkus-oidc.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    record Entry(SecurityIdentity identity, long expiresAtEpochSecond) {
    }

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    @Inject
    OidcAuthenticationMechanism oidc;

    @ConfigProperty(name = "rescue-force.security.token-cache.max-entries", defaultValue = "20000")
    int maxEntries;

    @ConfigProperty(name = "rescue-force.security.token-cache.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context);
        if (!enabled || token == null) {
            return oidc.authenticate(context, identityProviderManager);
        }
        Entry entry = verified.get(token);
        long now = Instant.now().getEpochSecond();
        if (entry != null) {
            if (entry.expiresAtEpochSecond() > now) {
                return Uni.createFrom().item(entry.identity());
            }
            verified.remove(token);
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> remember(token, identity, now));
    }

    private void remember(String token, SecurityIdentity identity, long now) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || identity.getAttribute(LevelClaimsCheck.CALLER_ATTRIBUTE) == null) {
            return;
        }
        long expiresAt = jwt.getExpirationTime();
        if (expiresAt <= now) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(e -> e.expiresAtEpochSecond() <= now);
            if (verified.size() >= maxEntries) {
                verified.clear(); // bounded memory beats a perfect eviction policy here
            }
        }
        verified.put(token, new Entry(detached(identity), expiresAt));
    }

    /** The identity without request-bound attributes (the routing context), so it can outlive the request. */
    private static SecurityIdentity detached(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false);
        identity.getAttributes().forEach((name, value) -> {
            if (!(value instanceof RoutingContext) && !name.contains("RoutingContext") && !name.contains("routing-context")) {
                builder.addAttribute(name, value);
            }
        });
        return builder.build();
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
