package cn.rescueforce.teams.readiness;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ReadinessCheckTest {

    UUID unit;

    @BeforeEach
    void registry() {
        unit = Registry.unit("510000");
    }

    @Test
    void anEmptyTeamGetsEveryWarning() {
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("ready", equalTo(false)).body("category", equalTo("MINING"))
                .body("minimumHeadcount", equalTo(27)).body("minimumDutySquad", equalTo(6)).body("headcount", equalTo(0))
                .body("warnings.code", containsInAnyOrder("HEADCOUNT_BELOW_MINIMUM", "DUTY_SQUAD_BELOW_MINIMUM", "NO_COMMANDER", "DRILL_OVERDUE"));
    }

    @Test
    void aFullTeamWithARenewedCommanderCertificateAndARecentDrillIsReady() {
        UUID team = Registry.activeTeam("510000", "OTHER", unit);
        String commander = member(team, "李强", "COMMANDER");
        for (int i = 0; i < 9; i++) {
            member(team, "队员" + i, "RESCUER");
        }
        certificate(commander, "救援指挥员资格证", "2020-01-01", "2023-01-01");
        certificate(commander, "救援指挥员资格证", "2023-01-01", "2099-01-01");
        drill(team, LocalDate.now(ZoneOffset.UTC).minusDays(10));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("ready", equalTo(true)).body("warnings", empty()).body("headcount", equalTo(10))
                .body("dutySquadCandidates", equalTo(9));

        certificate(commander, "矿山救护队指挥员资格证", "2019-05-01", "2022-05-01");
        drill(team, LocalDate.now(ZoneOffset.UTC).minusDays(400));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("ready", equalTo(false)).body("warnings.code", equalTo(List.of("COMMANDER_CERTIFICATE_EXPIRED")))
                .body("warnings[0].message", containsString("李强")).body("warnings[0].message", containsString("2022-05-01"));
    }

    @Test
    void aTeamWithoutARecentDrillOrEnoughRescuersIsWarned() {
        UUID team = Registry.activeTeam("510000", "OTHER", unit);
        member(team, "李强", "COMMANDER");
        member(team, "王副", "DEPUTY_COMMANDER");
        for (int i = 0; i < 8; i++) {
            member(team, "队员" + i, i < 5 ? "RESCUER" : "DEPUTY_COMMANDER");
        }
        drill(team, LocalDate.now(ZoneOffset.UTC).minusDays(120));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("warnings.code", containsInAnyOrder("DUTY_SQUAD_BELOW_MINIMUM", "DRILL_OVERDUE"))
                .body("dutySquadCandidates", equalTo(5)).body("lastDrillOn", equalTo(LocalDate.now(ZoneOffset.UTC).minusDays(120).toString()));
    }

    @Test
    void theCheckIsReadInScopeOnly() {
        UUID mining = Registry.activeTeam("510000", "MINING", unit);
        UUID chemical = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", unit);
        check(Tokens.national(), mining, 200);
        check(Tokens.service(), mining, 200);
        check(Tokens.provincial("510000"), mining, 200);
        check(Tokens.mineSafety("510000"), mining, 200);
        check(Tokens.unit(unit), mining, 200);
        check(Tokens.provincial("140000"), mining, 404);
        check(Tokens.mineSafety("510000"), chemical, 404);
        check(Tokens.mineSafety("140000"), mining, 404);
        check(Tokens.unit(UUID.randomUUID()), mining, 404);
        check(Tokens.assessor(UUID.randomUUID()), mining, 403);
        check(Tokens.national(), UUID.randomUUID(), 404);
        given().get("/api/v1/teams/" + mining + "/readiness-check").then().statusCode(401);
    }

    private void check(String token, UUID team, int status) {
        given().auth().oauth2(token).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(status);
    }

    private String member(UUID team, String name, String role) {
        return given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role, "talentType", role.contains("COMMANDER") ? "COMMAND" : "SKILLED_CRAFT",
                        "idNumber", Registry.idNumber(), "joinedOn", "2018-07-01"))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
    }

    private void certificate(String member, String name, String issuedOn, String expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "issuer", "国家矿山安全监察局四川局", "issuedOn", issuedOn,
                "expiresOn", expiresOn));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/members/" + member + "/certificates").then().statusCode(201);
    }

    private void drill(UUID team, LocalDate heldOn) {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("heldOn", heldOn.toString(), "type", "FUNCTIONAL", "scenario", "受限空间救援", "participants", 10,
                        "durationMinutes", 120))
                .post("/api/v1/teams/" + team + "/drills").then().statusCode(201);
    }
}
