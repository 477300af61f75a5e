package cn.rescueforce.teams.team;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TeamTest {

    UUID sichuanUnit;
    UUID miningTeam;
    UUID chemicalTeam;

    @BeforeEach
    void registry() {
        sichuanUnit = Registry.unit("510000");
        miningTeam = Registry.activeTeam("510000", "MINING", sichuanUnit);
        chemicalTeam = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", sichuanUnit);
    }

    @Test
    void provincialRegistersATeamOfItsProvinceAsProposed() {
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON)
                .body(Registry.teamBody("510000", "MINING", sichuanUnit))
                .post("/api/v1/teams").then().statusCode(201)
                .body("status", equalTo("PROPOSED")).body("readiness", equalTo("STANDBY"))
                .body("headcount", equalTo(0)).body("supportingUnitName", equalTo(unitName()));
    }

    @Test
    void provincialOfAnotherProvinceCannotRegisterHereNorSeeTheUnit() {
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON)
                .body(Registry.teamBody("510000", "MINING", sichuanUnit))
                .post("/api/v1/teams").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON)
                .body(Registry.teamBody("140000", "MINING", sichuanUnit))
                .post("/api/v1/teams").then().statusCode(404);
    }

    @Test
    void mineSafetyUnitAndAssessorMayNotRegisterTeams() {
        for (String token : new String[]{Tokens.mineSafety("510000"), Tokens.unit(sichuanUnit), Tokens.assessor(UUID.randomUUID())}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Registry.teamBody("510000", "MINING", sichuanUnit))
                    .post("/api/v1/teams").then().statusCode(403);
        }
    }

    @Test
    void eachLevelSeesTheTeamsOfItsScopeOnly() {
        read(Tokens.national(), miningTeam, 200);
        read(Tokens.service(), miningTeam, 200);
        read(Tokens.provincial("510000"), miningTeam, 200);
        read(Tokens.provincial("140000"), miningTeam, 404);
        read(Tokens.mineSafety("510000"), miningTeam, 200);
        read(Tokens.mineSafety("510000"), chemicalTeam, 404);
        read(Tokens.mineSafety("140000"), miningTeam, 404);
        read(Tokens.unit(sichuanUnit), miningTeam, 200);
        read(Tokens.unit(UUID.randomUUID()), miningTeam, 404);
        read(Tokens.assessor(UUID.randomUUID()), miningTeam, 403);
        given().get("/api/v1/teams/" + miningTeam).then().statusCode(401);
    }

    @Test
    void listsContainOnlyTeamsInScopeAndCountOnlyThose() {
        given().auth().oauth2(Tokens.mineSafety("510000")).queryParam("size", 200).get("/api/v1/teams")
                .then().statusCode(200).body("items.category", everyItem(equalTo("MINING")))
                .body("items.province", everyItem(equalTo("510000")))
                .body("items.id", not(hasItem(chemicalTeam.toString())));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/teams")
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("supportingUnitId", sichuanUnit.toString()).get("/api/v1/teams")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listsFilterAndSort() {
        given().auth().oauth2(Tokens.national()).queryParam("supportingUnitId", sichuanUnit.toString())
                .queryParam("category", "HAZARDOUS_CHEMICALS").get("/api/v1/teams")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(chemicalTeam.toString()));
        given().auth().oauth2(Tokens.national()).queryParam("category", "VOLCANO").get("/api/v1/teams")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.national()).queryParam("sort", "code,desc").queryParam("size", 5).get("/api/v1/teams")
                .then().statusCode(200).body("size", equalTo(5));
    }

    @Test
    void theTeamsUnitEditsTheProfileWithTheCurrentETag() {
        String etag = given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/teams/" + miningTeam).then().extract().header("ETag");
        Map<String, Object> profile = Map.of("name", "国家矿山应急救援芙蓉队", "specialties", java.util.List.of("MINE_FIRE", "MINE_FLOODING"),
                "baseLocation", Map.of("lat", 28.2147, "lon", 104.9658), "baseCity", "宜宾市", "dutyPhone", "0831-4561119");
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("If-Match", etag).body(profile)
                .put("/api/v1/teams/" + miningTeam).then().statusCode(200).body("baseCity", equalTo("宜宾市"))
                .body("specialties", hasItem("MINE_FLOODING"));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("If-Match", etag).body(profile)
                .put("/api/v1/teams/" + miningTeam).then().statusCode(412);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).contentType(ContentType.JSON).header("If-Match", etag).body(profile)
                .put("/api/v1/teams/" + miningTeam).then().statusCode(404);
        given().auth().oauth2(Tokens.mineSafety("510000")).contentType(ContentType.JSON).header("If-Match", etag).body(profile)
                .put("/api/v1/teams/" + chemicalTeam).then().statusCode(404);
    }

    @Test
    void aProfileWithAnOutOfRangeLatitudeIsRejectedNamingTheField() {
        Map<String, Object> profile = new HashMap<>(Map.of("name", "队", "baseLocation", Map.of("lat", 123.0, "lon", 104.0), "dutyPhone", "0831-4561119"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "*").body(profile)
                .put("/api/v1/teams/" + miningTeam).then().statusCode(400).body("errors.field", hasItem("baseLocation.lat"));
    }

    @Test
    void onlyNationalDesignatesAndExitsAndEveryStepIsKeptWithItsReason() {
        UUID proposed = Registry.team("510000", "MINING", sichuanUnit);
        decide(Tokens.provincial("510000"), proposed, "designation", 403);
        decide(Tokens.mineSafety("510000"), proposed, "designation", 403);
        decide(Tokens.unit(sichuanUnit), proposed, "designation", 403);
        decide(Tokens.national(), proposed, "designation", 200);
        decide(Tokens.national(), proposed, "designation", 409);
        decide(Tokens.national(), proposed, "rectification", 200);
        decide(Tokens.provincial("510000"), proposed, "exit-proposal", 200);
        decide(Tokens.provincial("510000"), proposed, "exit-proposal", 409);
        decide(Tokens.unit(sichuanUnit), proposed, "exit-proposal", 403);
        decide(Tokens.provincial("140000"), proposed, "exit-proposal", 404);
        decide(Tokens.national(), proposed, "exit", 200);
        decide(Tokens.national(), proposed, "exit", 409);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + proposed)
                .then().body("status", equalTo("EXITED")).body("readiness", equalTo("UNAVAILABLE"));
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/teams/" + proposed + "/status-history")
                .then().statusCode(200).body("total", equalTo(5))
                .body("items.action", equalTo(java.util.List.of("EXITED", "EXIT_PROPOSED", "PLACED_IN_RECTIFICATION", "DESIGNATED", "REGISTERED")))
                .body("items[0].reason", equalTo("决定 exit"));
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/teams/" + proposed + "/status-history").then().statusCode(404);
    }

    @Test
    void aDecisionNeedsAReason() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/teams/" + miningTeam + "/exit").then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void readinessChangesByEditorsInScope() {
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).body(Map.of("readiness", "UNAVAILABLE"))
                .post("/api/v1/teams/" + miningTeam + "/readiness").then().statusCode(200).body("readiness", equalTo("UNAVAILABLE"));
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON).body(Map.of("readiness", "STANDBY"))
                .post("/api/v1/teams/" + miningTeam + "/readiness").then().statusCode(404);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("readiness", "ASLEEP"))
                .post("/api/v1/teams/" + miningTeam + "/readiness").then().statusCode(400).body("errors.field", hasItem("readiness"));
        given().auth().oauth2(Tokens.national()).queryParam("readiness", "UNAVAILABLE").queryParam("supportingUnitId", sichuanUnit.toString())
                .get("/api/v1/teams").then().body("total", equalTo(1));
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        Map<String, Object> body = Registry.teamBody("510000", "MINING", sichuanUnit);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body).post("/api/v1/teams").then().statusCode(201);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body).post("/api/v1/teams").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/team-code-taken"));
    }

    private void read(String token, UUID team, int status) {
        given().auth().oauth2(token).get("/api/v1/teams/" + team).then().statusCode(status);
    }

    private void decide(String token, UUID team, String action, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "决定 " + action))
                .post("/api/v1/teams/" + team + "/" + action).then().statusCode(status);
    }

    private String unitName() {
        return given().auth().oauth2(Tokens.national()).get("/api/v1/supporting-units/" + sichuanUnit).then().extract().path("name");
    }
}
