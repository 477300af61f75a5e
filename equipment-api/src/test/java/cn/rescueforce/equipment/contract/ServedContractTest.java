package cn.rescueforce.equipment.contract;

import cn.rescueforce.devkit.testing.ContractDrift;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The document served at /q/openapi is the published contract, openapi/equipment-api.yaml, in every detail. */
@QuarkusTest
class ServedContractTest {

    @Test
    void theServedDocumentIsThePublishedContract() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        List<String> drift = ContractDrift.between(ContractDrift.published(), served);
        assertEquals(List.of(), drift, "served document drifts from openapi/equipment-api.yaml");
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
