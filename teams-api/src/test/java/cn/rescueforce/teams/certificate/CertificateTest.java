package cn.rescueforce.teams.certificate;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CertificateTest {

    UUID unit;
    UUID team;
    String member;

    @BeforeEach
    void registry() {
        unit = Registry.unit("510000");
        team = Registry.activeTeam("510000", "MINING", unit);
        member = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "李强", "role", "COMMANDER", "talentType", "COMMAND", "idNumber", Registry.idNumber(),
                        "joinedOn", "2015-03-01"))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
    }

    private String record(String name, LocalDate expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "issuer", "国家矿山安全监察局四川局", "issuedOn", "2024-03-15"));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        return given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/members/" + member + "/certificates").then().statusCode(201).extract().path("id");
    }

    @Test
    void certificatesKnowWhetherTheyAreValidExpiringOrExpired() {
        record("急救员证", null);
        record("矿山救护队员资格证", LocalDate.now().plusDays(20));
        record("旧资格证", LocalDate.now().minusDays(5));
        given().auth().oauth2(Tokens.national()).get("/api/v1/members/" + member + "/certificates")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.state", hasItem("VALID")).body("items.state", hasItem("EXPIRING")).body("items.state", hasItem("EXPIRED"));
    }

    @Test
    void renewalListsShowCertificatesExpiringWithinTheWindowPerTeamAndProvince() {
        String soon = record("矿山救护队员资格证", LocalDate.now().plusDays(20));
        String later = record("高级救护员证", LocalDate.now().plusDays(200));
        String expired = record("旧资格证", LocalDate.now().minusDays(5));
        given().auth().oauth2(Tokens.unit(unit)).queryParam("teamId", team.toString()).get("/api/v1/certificates/expiring")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].certificateId", equalTo(soon))
                .body("items[0].daysLeft", equalTo(20)).body("items[0].memberName", equalTo("李强"));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("province", "510000").queryParam("withinDays", 365).queryParam("size", 200)
                .get("/api/v1/certificates/expiring")
                .then().statusCode(200).body("items.certificateId", hasItem(later)).body("items.certificateId", not(hasItem(expired)))
                .body("items.province", everyItem(equalTo("510000")));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("province", "510000").get("/api/v1/certificates/expiring")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("teamId", team.toString()).get("/api/v1/certificates/expiring")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/certificates/expiring").then().statusCode(403);
        given().auth().oauth2(Tokens.national()).queryParam("withinDays", -1).get("/api/v1/certificates/expiring")
                .then().statusCode(400).body("errors.field", hasItem("withinDays"));
    }

    @Test
    void aCertificateCannotExpireBeforeItWasIssued() {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "资格证", "issuer", "发证机关", "issuedOn", "2024-03-15", "expiresOn", "2023-01-01"))
                .post("/api/v1/members/" + member + "/certificates").then().statusCode(400).body("errors.field", hasItem("expiresOn"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "资格证", "issuer", "发证机关", "issuedOn", "2024-02-30"))
                .post("/api/v1/members/" + member + "/certificates").then().statusCode(400).body("errors.field", hasItem("issuedOn"));
    }

    @Test
    void certificatesOfAnotherUnitsMemberAreNotVisible() {
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/members/" + member + "/certificates").then().statusCode(404);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("name", "资格证", "issuer", "发证机关", "issuedOn", "2024-03-15"))
                .post("/api/v1/members/" + member + "/certificates").then().statusCode(404);
    }
}
