package cn.rescueforce.teams.readiness;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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
                .body("warnings.code", containsInAnyOrder("HEADCOUNT_BELOW_MINIMUM", "NO_SQUAD_ON_DUTY", "NO_COMMANDER", "DRILL_OVERDUE"))
                .body("dutySquadCandidates", equalTo(0)).body("$", not(hasKey("dutySquadId")));
    }

    @Test
    void aFullTeamWithARenewedCommanderCertificateAndARecentDrillIsReady() {
        UUID team = Registry.activeTeam("510000", "OTHER", unit);
        String commander = member(team, "李强", "COMMANDER");
        List<String> rescuers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rescuers.add(member(team, "队员" + i, "RESCUER"));
        }
        String squad = onDutyNow(team, "一中队", rescuers);
        certificate(commander, "救援指挥员资格证", "2020-01-01", "2023-01-01");
        certificate(commander, "救援指挥员资格证", "2023-01-01", "2099-01-01");
        drill(team, LocalDate.now(ZoneOffset.UTC).minusDays(10));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("ready", equalTo(true)).body("warnings", empty()).body("headcount", equalTo(10))
                .body("dutySquadCandidates", equalTo(9)).body("dutySquadId", equalTo(squad)).body("dutySquadName", equalTo("一中队"));

        certificate(commander, "矿山救护队指挥员资格证", "2019-05-01", "2022-05-01");
        drill(team, LocalDate.now(ZoneOffset.UTC).minusDays(400));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("ready", equalTo(false)).body("warnings.code", equalTo(List.of("COMMANDER_CERTIFICATE_EXPIRED")))
                .body("warnings[0].message", containsString("李强")).body("warnings[0].message", containsString("2022-05-01"));
    }

    @Test
    void aTeamWithoutARecentDrillOrEnoughMembersOnDutyIsWarned() {
        UUID team = Registry.activeTeam("510000", "OTHER", unit);
        member(team, "李强", "COMMANDER");
        member(team, "王副", "DEPUTY_COMMANDER");
        List<String> onDuty = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String rescuer = member(team, "队员" + i, "RESCUER");
            if (i < 6) {
                onDuty.add(rescuer);
            }
        }
        drill(team, LocalDate.now(ZoneOffset.UTC).minusDays(120));
        onDutyNow(team, "一中队", onDuty);
        // the members outside the command would be enough; the squad on duty is what counts: one of its six leaves
        leave(onDuty.get(5));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("warnings.code", containsInAnyOrder("DUTY_SQUAD_BELOW_MINIMUM", "DRILL_OVERDUE"))
                .body("warnings.find { it.code == 'DUTY_SQUAD_BELOW_MINIMUM' }.message", containsString("一中队"))
                .body("dutySquadCandidates", equalTo(5)).body("lastDrillOn", equalTo(LocalDate.now(ZoneOffset.UTC).minusDays(120).toString()));
    }

    @Test
    void aSquadOnTheRosterLaterIsNotOnDutyNow() {
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        List<String> squadMembers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            squadMembers.add(member(team, "队员" + i, "RESCUER"));
        }
        String squad = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "一中队", "leaderId", squadMembers.get(0), "memberIds", squadMembers))
                .post("/api/v1/teams/" + team + "/squads").then().statusCode(201).extract().path("id");
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("squadId", squad, "startsAt", tomorrow.toString(), "endsAt", tomorrow.plus(7, ChronoUnit.DAYS).toString()))
                .post("/api/v1/teams/" + team + "/duty-roster").then().statusCode(201);
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/readiness-check").then().statusCode(200)
                .body("warnings.code", hasItem("NO_SQUAD_ON_DUTY")).body("warnings.code", not(hasItem("DUTY_SQUAD_BELOW_MINIMUM")))
                .body("dutySquadCandidates", equalTo(0));
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

    /** A squad of these members, formed by the unit and on duty from an hour ago for a day; answers its id. */
    private String onDutyNow(UUID team, String name, List<String> squadMembers) {
        String squad = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "leaderId", squadMembers.get(0), "memberIds", squadMembers))
                .post("/api/v1/teams/" + team + "/squads").then().statusCode(201).extract().path("id");
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("squadId", squad, "startsAt", start.toString(), "endsAt", start.plus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/teams/" + team + "/duty-roster").then().statusCode(201);
        return squad;
    }

    private void leave(String member) {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("role", "RESCUER", "talentType", "SKILLED_CRAFT", "status", "LEFT"))
                .header("If-Match", "\"0\"").put("/api/v1/members/" + member).then().statusCode(200);
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
