package cn.rescueforce.kit.client;

import io.quarkus.oidc.client.OidcClientException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ServiceAccountReadinessTest {

    @Test
    void aRefusedClientIsNamedByItsOauthErrorCode() {
        assertEquals("token endpoint refused the credentials (invalid_client)", ServiceAccountReadiness.problem(
                new OidcClientException("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}")));
        assertEquals("token endpoint refused the credentials (unauthorized_client)", ServiceAccountReadiness.problem(
                new OidcClientException("{\"error\":\"unauthorized_client\"}")));
    }

    @Test
    void anotherOauthErrorIsARefusedRequest() {
        assertEquals("token endpoint refused the request (unsupported_grant_type)", ServiceAccountReadiness.problem(
                new OidcClientException("{\"error\":\"unsupported_grant_type\"}")));
    }

    @Test
    void anAnswerThatIsNoOauthErrorIsNotQuoted() {
        String problem = ServiceAccountReadiness.problem(new OidcClientException("<html>secret-looking 0f3c9a</html>"));
        assertEquals("token endpoint did not issue a token", problem);
        assertEquals("token endpoint did not issue a token", ServiceAccountReadiness.problem(
                new OidcClientException("{\"error\":\"client 0f3c9a with secret s3cr3t is not allowed\"}")));
    }

    @Test
    void anEndpointThatCannotBeReachedIsUnreachableHoweverTheFailureIsWrapped() {
        assertEquals(ServiceAccountReadiness.UNREACHABLE, ServiceAccountReadiness.problem(new ConnectException("Connection refused")));
        assertEquals(ServiceAccountReadiness.UNREACHABLE, ServiceAccountReadiness.problem(
                new OidcClientException("failed", new UnknownHostException("keycloak"))));
        assertEquals(ServiceAccountReadiness.UNREACHABLE, ServiceAccountReadiness.problem(new TimeoutException()));
        assertEquals(ServiceAccountReadiness.UNREACHABLE, ServiceAccountReadiness.problem(
                new RuntimeException(new io.smallrye.mutiny.TimeoutException())));
    }

    @Test
    void anyOtherFailureIsNamedByItsKindOnly() {
        String problem = ServiceAccountReadiness.problem(new IllegalStateException("token eyJhbGciOi.secret"));
        assertEquals("token request failed (IllegalStateException)", problem);
        assertFalse(problem.contains("eyJ"));
    }

    @Test
    void aServiceThatCallsOthersWithoutASecretIsNotReadyAndSaysWhy() {
        var response = new ServiceAccountReadiness(true, true, java.util.Optional.of("equipment-api"), java.util.Optional.of(" "), null)
                .call().await().indefinitely();
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("equipment-api", response.getData().orElseThrow().get("serviceAccount"));
        assertEquals(ServiceAccountReadiness.SECRET_MISSING, response.getData().orElseThrow().get("problem"));
    }

    @Test
    void aServiceThatCallsNoOtherIsReadyWithoutAServiceAccount() {
        var response = new ServiceAccountReadiness(false, true, java.util.Optional.of("teams-api"), java.util.Optional.empty(), null)
                .call().await().indefinitely();
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.UP, response.getStatus());
    }

    @Test
    void aServiceReadyWithoutItsCallsStaysReadyAndStillSaysWhatIsWrong() {
        var response = new ServiceAccountReadiness(true, false, java.util.Optional.of("teams-api"), java.util.Optional.empty(), null)
                .call().await().indefinitely();
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(ServiceAccountReadiness.SECRET_MISSING, response.getData().orElseThrow().get("problem"));
    }
}
