package cn.rescueforce.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A verified token whose claims do not fit its level is refused; one that fits becomes the {@link Caller}. */
class LevelClaimsCheckTest {

    private static final String UNIT_ID = "0b0c4f3e-7d3a-4d8e-9a41-5f1e2c3d4e5f";

    @Test
    void eachLevelBecomesACallerWithTheClaimsItNeeds() {
        assertEquals(new Caller("u-1", ManagementLevel.NATIONAL, null, null), callerOf("u-1", Set.of("national"), null, null));
        assertEquals(new Caller("u-2", ManagementLevel.PROVINCIAL, "510000", null), callerOf("u-2", Set.of("provincial"), "510000", null));
        assertEquals(new Caller("u-3", ManagementLevel.MINE_SAFETY, "660000", null), callerOf("u-3", Set.of("mine-safety"), "660000", null));
        assertEquals(new Caller("u-4", ManagementLevel.UNIT, null, UUID.fromString(UNIT_ID)), callerOf("u-4", Set.of("unit"), null, UNIT_ID));
        assertEquals(new Caller("u-5", ManagementLevel.ASSESSOR, null, UUID.fromString(UNIT_ID)), callerOf("u-5", Set.of("assessor"), null, UNIT_ID));
        assertEquals(new Caller("svc", ManagementLevel.SERVICE, null, null), callerOf("svc", Set.of("service"), null, null));
        assertEquals(new Caller("u-6", ManagementLevel.NATIONAL, null, null), callerOf("u-6", Set.of("national", "offline_access"), "510000", null),
                "other roles are ignored, a region only counts for the levels that need one");
    }

    @Test
    void aTokenWithoutExactlyOneLevelIsRefused() {
        refused(() -> callerOf("u-1", Set.of(), null, null));
        refused(() -> callerOf("u-1", Set.of("offline_access"), null, null));
        refused(() -> callerOf("u-1", Set.of("national", "provincial"), "510000", null));
    }

    @Test
    void provincialAndMineSafetyTokensNeedAKnownProvince() {
        refused(() -> callerOf("u-1", Set.of("provincial"), null, null));
        refused(() -> callerOf("u-1", Set.of("provincial"), "999999", null));
        refused(() -> callerOf("u-1", Set.of("mine-safety"), "5100", null));
    }

    @Test
    void unitAndAssessorTokensNeedAnOrganisationId() {
        refused(() -> callerOf("u-1", Set.of("unit"), null, null));
        refused(() -> callerOf("u-1", Set.of("assessor"), null, "not-a-uuid"));
    }

    @Test
    void aTokenNeedsASubjectAndABearerJwt() {
        refused(() -> callerOf(null, Set.of("national"), null, null));
        refused(() -> callerOf(" ", Set.of("national"), null, null));
        refused(() -> LevelClaimsCheck.callerOf(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("u-1")).addRoles(Set.of("national")).build()));
    }

    @Test
    void provincesAreTheProvincialLevelDivisions() {
        assertTrue(Provinces.isKnown("510000"));
        assertTrue(Provinces.isKnown("110000"));
        assertTrue(Provinces.isKnown("660000"));
        assertFalse(Provinces.isKnown("510100"));
        assertFalse(Provinces.isKnown(null));
    }

    private static Caller callerOf(String sub, Set<String> groups, String region, String org) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://dev.rescue-force.local/realms/rescue-force");
        if (sub != null) {
            claims.setSubject(sub);
        }
        claims.setStringListClaim("groups", groups.stream().toList());
        if (region != null) {
            claims.setClaim("region", region);
        }
        if (org != null) {
            claims.setClaim("org", org);
        }
        return LevelClaimsCheck.callerOf(QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims)).addRoles(groups).build());
    }

    private static void refused(Runnable check) {
        assertThrows(AuthenticationFailedException.class, check::run);
    }
}
