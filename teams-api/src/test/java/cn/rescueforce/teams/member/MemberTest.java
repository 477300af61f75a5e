package cn.rescueforce.teams.member;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class MemberTest {

    UUID unit;
    UUID team;

    @BeforeEach
    void registry() {
        unit = Registry.unit("510000");
        team = Registry.activeTeam("510000", "MINING", unit);
    }

    static Map<String, Object> member(String idNumber) {
        return new HashMap<>(Map.of("name", "张伟", "role", "SQUAD_LEADER", "talentType", "SKILLED_CRAFT",
                "idNumber", idNumber, "phone", "13800138000", "joinedOn", "2018-07-01", "trainingHours", 120));
    }

    @Test
    void theUnitAddsAMemberWhoseIdNumberIsOnlyEverShownMasked() {
        String idNumber = Registry.idNumber();
        String body = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(idNumber))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201)
                .body("idNumberMasked", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("status", equalTo("ACTIVE")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(idNumber), "the full ID number must never be returned");
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().body("headcount", equalTo(1));
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/teams/" + team + "/members")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].phone", equalTo("13800138000"));
    }

    @Test
    void anIdNumberWithAWrongCheckDigitIsRejectedNamingTheField() {
        String idNumber = Registry.idNumber();
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(wrong))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(400)
                .body("errors.field", hasItem("idNumber")).body("errors.message", hasItem(containsString("check digit")));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().body("headcount", equalTo(0));
    }

    @Test
    void aPersonServesInOneTeamAtATime() {
        String idNumber = Registry.idNumber();
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(idNumber))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201);
        UUID otherTeam = Registry.activeTeam("510000", "MINING", unit);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(idNumber))
                .post("/api/v1/teams/" + otherTeam + "/members").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/person-already-serving"));
    }

    @Test
    void membersAreHiddenFromLevelsOutOfScopeAndForbiddenToAssessorsAndServices() {
        String id = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(Registry.idNumber()))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.national()).get("/api/v1/members/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.mineSafety("510000")).get("/api/v1/members/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/members/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/members/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/teams/" + team + "/members").then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/members/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.service()).get("/api/v1/teams/" + team + "/members").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON).body(member(Registry.idNumber()))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(404);
    }

    @Test
    void aMemberWhoLeavesStaysOnRecordButLeavesTheHeadcount() {
        String id = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(Registry.idNumber()))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
        Map<String, Object> update = Map.of("role", "RESCUER", "talentType", "SKILLED_CRAFT", "status", "LEFT", "trainingHours", 130);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(update)
                .put("/api/v1/members/" + id).then().statusCode(428);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put("/api/v1/members/" + id).then().statusCode(200).body("status", equalTo("LEFT")).header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().body("headcount", equalTo(0));
        given().auth().oauth2(Tokens.national()).queryParam("status", "LEFT").get("/api/v1/teams/" + team + "/members")
                .then().body("total", equalTo(1));
    }

    @Test
    void concurrentAdditionsCountEveryMember() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> adds = new ArrayList<>();
        String token = Tokens.unit(unit);
        for (int i = 0; i < 16; i++) {
            String idNumber = Registry.idNumber();
            adds.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(member(idNumber)).post("/api/v1/teams/" + team + "/members").statusCode(), pool));
        }
        for (CompletableFuture<Integer> add : adds) {
            org.junit.jupiter.api.Assertions.assertEquals(201, add.get());
        }
        pool.shutdown();
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().body("headcount", equalTo(16));
    }

    @Test
    void theAuditTrailNamesChangedFieldsButNeverPersonalData() {
        String idNumber = Registry.idNumber();
        String id = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(idNumber))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
        String trail = given().auth().oauth2(Tokens.provincial("510000")).queryParam("entityId", id).get("/api/v1/audit-events")
                .then().statusCode(200).body("items[0].changedFields", hasItem("idNumber"))
                .body("items[0].actorLevel", equalTo("UNIT")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(trail.contains(idNumber));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("entityId", id).get("/api/v1/audit-events")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/audit-events").then().statusCode(403);
        given().auth().oauth2(Tokens.mineSafety("510000")).get("/api/v1/audit-events").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/audit-events").then().statusCode(403);
        given().auth().oauth2(Tokens.national()).get("/api/v1/audit-events").then().statusCode(200).body("items", not(org.hamcrest.Matchers.empty()));
    }
}
