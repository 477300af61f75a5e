package cn.rescueforce.kit.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceAccountCheckTest {

    @Test
    void aCallingServiceInProdNeedsItsSecret() {
        String problem = ServiceAccountCheck.problem(true, List.of("prod"), Optional.empty());
        assertNotNull(problem);
        assertTrue(problem.startsWith("SERVICE_ACCOUNT_CLIENT_SECRET is not set"), problem);
        assertNotNull(ServiceAccountCheck.problem(true, List.of("prod"), Optional.of(" ")));
    }

    @Test
    void withItsSecretItStarts() {
        assertNull(ServiceAccountCheck.problem(true, List.of("prod"), Optional.of("0f3c9a")));
    }

    @Test
    void aServiceThatCallsNobodyOrRunsLocallyNeedsNone() {
        assertNull(ServiceAccountCheck.problem(false, List.of("prod"), Optional.empty()));
        assertNull(ServiceAccountCheck.problem(true, List.of("dev"), Optional.empty()));
        assertNull(ServiceAccountCheck.problem(true, List.of("local"), Optional.empty()));
        assertNull(ServiceAccountCheck.problem(true, List.of("test"), Optional.empty()));
    }
}
