package cn.rescueforce.teams.contract;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The bounds of openapi/teams-api.yaml (maxLength, maxItems, minimum/maximum) are enforced: 400 `validation`
 * naming the field, and nothing changes.
 */
@QuarkusTest
class BoundsTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";

    @Test
    void anOverLongTeamNameIs400NamingTheFieldAndRegistersNothing() {
        Map<String, Object> body = new HashMap<>(Registry.teamBody("510000", "MINING", Registry.unit("510000")));
        body.put("name", "救".repeat(201));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body).post("/api/v1/teams").then()
                .statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("name"));
        registered((String) body.get("code"), 0);
    }

    @Test
    void tooManySpecialtiesAre400NamingTheFieldAndRegisterNothing() {
        Map<String, Object> body = new HashMap<>(Registry.teamBody("510000", "MINING", Registry.unit("510000")));
        body.put("specialties", Collections.nCopies(31, "MINE_FIRE"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body).post("/api/v1/teams").then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("specialties"));
        registered((String) body.get("code"), 0);
    }

    @Test
    void anOverLongLifecycleReasonIs400AndTheTeamStaysAsItWas() {
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "验".repeat(501))).post("/api/v1/teams/" + team + "/designation").then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void trainingHoursOutOfRangeAre400AndCountNothing() {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        String member = Registry.member(team, unit);
        String on = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        for (int hours : new int[] {0, 201}) {
            given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                    .body(Map.of("memberId", member, "trainedOn", on, "hours", hours, "subject", "正压氧气呼吸器佩用"))
                    .post("/api/v1/teams/" + team + "/training-hours").then()
                    .statusCode(400).body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("hours"));
        }
        given().auth().oauth2(Tokens.national()).get("/api/v1/members/" + member).then().body("trainingHours", equalTo(120));
    }

    @Test
    void aPageSizeAbove200Is400NamingTheParameter() {
        given().auth().oauth2(Tokens.national()).queryParam("size", 201).get("/api/v1/teams").then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("size"));
    }

    private static void registered(String code, int teams) {
        given().auth().oauth2(Tokens.national()).queryParam("q", code).get("/api/v1/teams").then().statusCode(200)
                .body("total", equalTo(teams));
    }
}
