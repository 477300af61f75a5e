package cn.rescueforce.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;

/**
 * Rejects (401) a verified token whose claims do not fit its management level: exactly one level role in
 * {@code groups}, a known province in {@code region} for provincial and mine-safety, a UUID in {@code org} for
 * unit and assessor. The accepted {@link Caller} is attached to the identity so nobody parses claims again.
 */
@ApplicationScoped
public class LevelClaimsCheck implements SecurityIdentityAugmentor {

    public static final String CALLER_ATTRIBUTE = "rescue-force.caller";
    /**
     * Who the caller is across realms, as one string: its token's issuer and {@code sub} (the per-caller rate limit
     * counts by it). Computed once here, so that a token the verified-token cache remembers costs nothing more.
     */
    public static final String CALLER_KEY_ATTRIBUTE = "rescue-force.caller-key";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Caller caller = callerOf(identity);
        String issuer = ((JsonWebToken) identity.getPrincipal()).getIssuer();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .addAttribute(CALLER_KEY_ATTRIBUTE, issuer + " " + caller.sub())
                .build());
    }

    static Caller callerOf(SecurityIdentity identity) {
        List<ManagementLevel> levels = identity.getRoles().stream()
                .map(ManagementLevel::ofRole).flatMap(java.util.Optional::stream).toList();
        if (levels.size() != 1) {
            throw new AuthenticationFailedException("the token must carry exactly one management level in groups");
        }
        ManagementLevel level = levels.get(0);
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new AuthenticationFailedException("a bearer JWT is required");
        }
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new AuthenticationFailedException("the token has no sub");
        }
        String region = claim(jwt, "region");
        if (level.needsRegion() && !Provinces.isKnown(region)) {
            throw new AuthenticationFailedException("a " + level.role() + " token needs a valid region claim");
        }
        UUID org = null;
        String orgClaim = claim(jwt, "org");
        if (level.needsOrg()) {
            try {
                org = UUID.fromString(orgClaim == null ? "" : orgClaim);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationFailedException("a " + level.role() + " token needs an org claim holding a UUID");
            }
        }
        return new Caller(sub, level, level.needsRegion() ? region : null, org);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        // JSON string claims arrive as jakarta.json.JsonString, whose toString keeps the quotes
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
