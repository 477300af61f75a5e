package cn.rescueforce.devkit.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every service must serve: at /q/openapi its published contract (openapi/SERVICE.yaml, bundled) in
 * every detail, and its health and metrics endpoints. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ServedContractChecks {

    @Test
    void theServedDocumentIsThePublishedContract() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        List<String> drift = ContractDrift.between(ContractDrift.published(), served);
        assertEquals(List.of(), drift, "the served document drifts from the published contract in openapi/");
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
