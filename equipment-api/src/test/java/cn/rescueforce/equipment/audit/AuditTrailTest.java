package cn.rescueforce.equipment.audit;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

@QuarkusTest
class AuditTrailTest {

    @Test
    void nationalReadsEveryChangeAndAProvinceOnlyItsOwn() {
        UUID sichuan = Fixtures.provincialDepot("510000");
        UUID shanxi = Fixtures.provincialDepot("140000");
        given().auth().oauth2(Tokens.national()).queryParam("entityId", shanxi).get("/api/v1/audit-events").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("REGISTERED"))
                .body("items[0].actorLevel", equalTo("PROVINCIAL")).body("items[0].entityType", equalTo("ReserveDepot"));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("entityId", sichuan).get("/api/v1/audit-events").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("entityId", shanxi).get("/api/v1/audit-events").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.province", everyItem(equalTo("510000")));
    }

    @Test
    void otherLevelsMayNotReadTheTrail() {
        for (String token : List.of(Tokens.mineSafety("510000"), Tokens.unit(UUID.randomUUID()), Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/audit-events").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        }
        given().auth().oauth2(Tokens.national()).queryParam("size", 0).get("/api/v1/audit-events").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"));
    }
}
