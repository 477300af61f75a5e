package cn.rescueforce.equipment.health;

import cn.rescueforce.devkit.testing.ServiceAccountTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readiness tells the truth about what the service needs: its database (quarkus-agroal's check) and, since
 * equipment-api calls teams-api, its service account (the kit's ServiceAccountReadiness), whose token comes from the
 * test token endpoint (devkit ServiceAccountTokens). Probes reuse the token the REST clients hold.
 */
@QuarkusTest
class ReadinessTest {

    @Test
    void readyNamesTheDatabaseAndTheServiceAccountBothUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'service account' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'service account' }.data.serviceAccount", equalTo("equipment-api"))
                .body("checks.find { it.name == 'service account' }.data.tokenExpiresAt", notNullValue());
    }

    @Test
    void probesDoNotAskTheTokenEndpointAgainWhileTheTokenIsValid() {
        given().get("/q/health/ready").then().statusCode(200);
        int issued = ServiceAccountTokens.issued();
        for (int i = 0; i < 5; i++) {
            given().get("/q/health/ready").then().statusCode(200);
        }
        assertEquals(issued, ServiceAccountTokens.issued());
    }

    @Test
    void theHealthDataNeverCarriesTheSecretOrTheToken() {
        String body = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("eyJ"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc-client.credentials.secret", String.class)), body);
    }
}
