package cn.rescueforce.teams.squad;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/** The duty roster of a Shanxi mine rescue team: two squads taking turns, one at a time. */
@QuarkusTest
class DutyRosterTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";

    UUID unit;
    UUID team;
    String first;
    String second;

    @BeforeEach
    void squads() {
        unit = Registry.unit("140000");
        team = Registry.activeTeam("140000", "MINING", unit);
        first = SquadTest.id(SquadTest.form(Tokens.unit(unit), team, "一中队", Registry.member(team, unit), List.of()));
        second = SquadTest.id(SquadTest.form(Tokens.unit(unit), team, "二中队", Registry.member(team, unit), List.of()));
    }

    @Test
    void periodsOfATeamNeverOverlapButMayFollowEachOther() {
        schedule(Tokens.unit(unit), first, "2096-05-01T00:00:00Z", "2096-05-08T00:00:00Z").then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).body("squadName", equalTo("一中队"))
                .body("startsAt", equalTo("2096-05-01T00:00:00Z")).body("endsAt", equalTo("2096-05-08T00:00:00Z"));
        schedule(Tokens.unit(unit), second, "2096-05-07T00:00:00Z", "2096-05-14T00:00:00Z").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "duty-period-overlap")).body("detail", containsString("一中队"));
        schedule(Tokens.unit(unit), second, "2096-04-28T00:00:00Z", "2096-05-20T00:00:00Z").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "duty-period-overlap"));
        schedule(Tokens.unit(unit), second, "2096-05-08T00:00:00Z", "2096-05-15T00:00:00Z").then().statusCode(201);
        schedule(Tokens.national(), first, "2096-04-24T00:00:00Z", "2096-05-01T00:00:00Z").then().statusCode(201);
        // another team's roster is its own
        UUID other = Registry.activeTeam("140000", "MINING", unit);
        String otherSquad = SquadTest.id(SquadTest.form(Tokens.unit(unit), other, "一中队", Registry.member(other, unit), List.of()));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("squadId", otherSquad, "startsAt", "2096-05-01T00:00:00Z", "endsAt", "2096-05-08T00:00:00Z"))
                .post("/api/v1/teams/" + other + "/duty-roster").then().statusCode(201);
        given().auth().oauth2(Tokens.mineSafety("140000")).get("/api/v1/teams/" + team + "/duty-roster").then().statusCode(200)
                .body("total", equalTo(3)).body("items.squadName", equalTo(List.of("一中队", "一中队", "二中队")))
                .body("items[0].startsAt", equalTo("2096-04-24T00:00:00Z"));
        given().auth().oauth2(Tokens.unit(unit)).queryParam("from", "2096-05-08T00:00:00Z").queryParam("to", "2096-05-09T00:00:00Z")
                .get("/api/v1/teams/" + team + "/duty-roster").then().statusCode(200)
                .body("items.squadName", equalTo(List.of("二中队")));
    }

    @Test
    void aPeriodEndsAfterItStartsWithinAMonthAndItsSquadIsOneOfTheTeams() {
        schedule(Tokens.unit(unit), first, "2096-05-08T00:00:00Z", "2096-05-08T00:00:00Z").then().statusCode(400)
                .body("errors.field", equalTo(List.of("endsAt")));
        schedule(Tokens.unit(unit), first, "2096-05-01T00:00:00Z", "2096-06-02T00:00:00Z").then().statusCode(400)
                .body("errors[0].message", containsString("31 days"));
        schedule(Tokens.unit(unit), first, "not a time", "2096-06-02T00:00:00Z").then().statusCode(400)
                .body("errors.field", hasItem("startsAt"));
        UUID other = Registry.activeTeam("140000", "MINING", unit);
        String otherSquad = SquadTest.id(SquadTest.form(Tokens.unit(unit), other, "三中队", Registry.member(other, unit), List.of()));
        schedule(Tokens.unit(unit), otherSquad, "2096-05-01T00:00:00Z", "2096-05-02T00:00:00Z").then().statusCode(404);
    }

    @Test
    void theRosterIsKeptByTheLevelsThatManageSquadsAndReadInScope() {
        schedule(Tokens.provincial("510000"), first, "2096-05-01T00:00:00Z", "2096-05-02T00:00:00Z").then().statusCode(404);
        schedule(Tokens.unit(UUID.randomUUID()), first, "2096-05-01T00:00:00Z", "2096-05-02T00:00:00Z").then().statusCode(404);
        schedule(Tokens.assessor(UUID.randomUUID()), first, "2096-05-01T00:00:00Z", "2096-05-02T00:00:00Z").then().statusCode(403);
        schedule(Tokens.service(), first, "2096-05-01T00:00:00Z", "2096-05-02T00:00:00Z").then().statusCode(403);
        schedule(Tokens.mineSafety("140000"), first, "2096-05-01T00:00:00Z", "2096-05-02T00:00:00Z").then().statusCode(201);
        for (String token : List.of(Tokens.national(), Tokens.provincial("140000"), Tokens.unit(unit), Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/duty-roster").then().statusCode(200).body("total", equalTo(1));
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/duty-squad").then().statusCode(200);
        }
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/duty-roster").then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/duty-squad").then().statusCode(404);
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/teams/" + team + "/duty-squad").then().statusCode(403);
        given().get("/api/v1/teams/" + team + "/duty-squad").then().statusCode(401);
    }

    @Test
    void theDutySquadIsTheOneWhosePeriodCoversTheTimeAskedAbout() {
        schedule(Tokens.unit(unit), first, "2096-05-01T00:00:00Z", "2096-05-08T00:00:00Z").then().statusCode(201);
        schedule(Tokens.unit(unit), second, "2096-05-08T00:00:00Z", "2096-05-15T00:00:00Z").then().statusCode(201);
        dutySquad("2096-05-01T00:00:00Z").body("onDuty", equalTo(true)).body("squad.id", equalTo(first))
                .body("period.squadId", equalTo(first)).body("squad.members.size()", equalTo(1));
        dutySquad("2096-05-07T23:59:59Z").body("squad.name", equalTo("一中队"));
        dutySquad("2096-05-08T00:00:00Z").body("squad.name", equalTo("二中队"));
        dutySquad("2096-05-15T00:00:00Z").body("onDuty", equalTo(false)).body("$", not(hasKey("squad")))
                .body("at", equalTo("2096-05-15T00:00:00Z"));
        // now, by default: nobody is on duty in this team today
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/duty-squad").then().statusCode(200)
                .body("onDuty", equalTo(false));
        given().auth().oauth2(Tokens.unit(unit)).queryParam("at", "yesterday").get("/api/v1/teams/" + team + "/duty-squad")
                .then().statusCode(400).body("errors[0].message", containsString("yesterday"));
    }

    @Test
    void aCancelledPeriodLeavesTheRosterWithIfMatch() {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String period = SquadTest.id(schedule(Tokens.unit(unit), first, start.toString(), start.plus(1, ChronoUnit.DAYS).toString()));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/duty-squad").then().body("squad.id", equalTo(first));
        cancel(Tokens.unit(unit), period, null).then().statusCode(428);
        cancel(Tokens.unit(unit), period, "\"5\"").then().statusCode(412);
        cancel(Tokens.assessor(UUID.randomUUID()), period, "\"0\"").then().statusCode(403);
        cancel(Tokens.provincial("510000"), period, "\"0\"").then().statusCode(404);
        cancel(Tokens.unit(unit), UUID.randomUUID().toString(), "\"0\"").then().statusCode(404);
        cancel(Tokens.unit(unit), period, "\"0\"").then().statusCode(204);
        cancel(Tokens.unit(unit), period, "\"1\"").then().statusCode(404);
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/teams/" + team + "/duty-roster/" + period).then()
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("cancelledAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/teams/" + team + "/duty-roster/" + period).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/duty-squad").then().body("onDuty", equalTo(false));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/duty-roster").then().body("total", equalTo(0));
        // the squad's period is free again
        schedule(Tokens.unit(unit), second, start.toString(), start.plus(1, ChronoUnit.DAYS).toString()).then().statusCode(201);
    }

    @Test
    void aDisbandedSquadGoesOnNoDuty() {
        SquadTest.form(Tokens.unit(unit), team, "x", Registry.member(team, unit), List.of()).then().statusCode(201);
        given().auth().oauth2(Tokens.unit(unit)).header("If-Match", "\"0\"").delete("/api/v1/teams/" + team + "/squads/" + second)
                .then().statusCode(204);
        schedule(Tokens.unit(unit), second, "2096-05-01T00:00:00Z", "2096-05-02T00:00:00Z").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
    }

    private Response schedule(String token, String squad, String startsAt, String endsAt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("squadId", squad, "startsAt", startsAt, "endsAt", endsAt))
                .post("/api/v1/teams/" + team + "/duty-roster");
    }

    private Response cancel(String token, String period, String ifMatch) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.delete("/api/v1/teams/" + team + "/duty-roster/" + period);
    }

    private io.restassured.response.ValidatableResponse dutySquad(String at) {
        return given().auth().oauth2(Tokens.provincial("140000")).queryParam("at", at)
                .get("/api/v1/teams/" + team + "/duty-squad").then().statusCode(200);
    }
}
