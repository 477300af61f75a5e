package cn.rescueforce.devkit.testing;

import cn.rescueforce.devkit.DevToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The doubles accept what the real services accept from another service, and nothing else. */
class ServiceDoubleTest {

    @Test
    void aDevelopmentTokenOfLevelServiceIsAccepted() {
        assertTrue(ServiceDouble.isServiceToken("Bearer " + DevToken.level("service").subject("service-account-equipment-api").sign()));
    }

    @Test
    void anotherLevelAForeignKeyAnExpiredTokenOrNoBearerIsRefused() {
        assertFalse(ServiceDouble.isServiceToken("Bearer " + DevToken.level("national").sign()));
        assertFalse(ServiceDouble.isServiceToken("Bearer " + DevToken.level("service").signedWithForeignKey().sign()));
        assertFalse(ServiceDouble.isServiceToken("Bearer " + DevToken.level("service").expired(Duration.ofMinutes(1)).sign()));
        assertFalse(ServiceDouble.isServiceToken("Bearer " + DevToken.level("service").issuer("https://elsewhere/realms/x").sign()));
        assertFalse(ServiceDouble.isServiceToken(DevToken.level("service").sign()));
        assertFalse(ServiceDouble.isServiceToken("Bearer not.a.token"));
        assertFalse(ServiceDouble.isServiceToken(null));
    }
}
