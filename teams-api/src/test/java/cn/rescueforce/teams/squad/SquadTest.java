package cn.rescueforce.teams.squad;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Squads of a Sichuan mine rescue team, formed and changed over HTTP by every level. */
@QuarkusTest
class SquadTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";

    UUID unit;
    UUID team;
    List<String> members;

    @BeforeEach
    void registry() {
        unit = Registry.unit("510000");
        team = Registry.activeTeam("510000", "MINING", unit);
        members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(Registry.member(team, unit));
        }
    }

    @Test
    void theUnitFormsASquadWithItsLeaderAmongTheMembersAndAMiningSquadUnderNineIsWarned() {
        Response formed = form(Tokens.unit(unit), team, "一中队", members.get(0), members.subList(1, 3));
        formed.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/api/v1/teams/" + team + "/squads/"))
                .body("name", equalTo("一中队"))
                .body("leader.memberId", equalTo(members.get(0)))
                .body("members.memberId", containsInAnyOrder(members.get(0), members.get(1), members.get(2)))
                .body("activeMembers", equalTo(3))
                .body("warnings.code", equalTo(List.of("SQUAD_BELOW_MINIMUM")))
                .body("warnings[0].message", containsString("at least 9"));

        form(Tokens.provincial("510000"), team, "二中队", members.get(3), members.subList(3, 10)).then().statusCode(201)
                .body("activeMembers", equalTo(7)).body("warnings", not(empty()));
    }

    @Test
    void nineMembersMakeAFullMineRescueSquadAndOtherCategoriesAreNotWarned() {
        form(Tokens.mineSafety("510000"), team, "一中队", members.get(0), members.subList(0, 9)).then().statusCode(201)
                .body("activeMembers", equalTo(9)).body("warnings", empty());
        UUID chemicals = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", unit);
        String chemist = Registry.member(chemicals, unit);
        form(Tokens.national(), chemicals, "危化一组", chemist, List.of()).then().statusCode(201)
                .body("activeMembers", equalTo(1)).body("warnings", empty());
    }

    @Test
    void onlyTheLevelsThatManageMembersFormSquadsOfTeamsInTheirScope() {
        form(Tokens.provincial("140000"), team, "一中队", members.get(0), List.of()).then().statusCode(404);
        form(Tokens.mineSafety("140000"), team, "一中队", members.get(0), List.of()).then().statusCode(404);
        form(Tokens.unit(UUID.randomUUID()), team, "一中队", members.get(0), List.of()).then().statusCode(404);
        form(Tokens.assessor(UUID.randomUUID()), team, "一中队", members.get(0), List.of()).then().statusCode(403);
        form(Tokens.service(), team, "一中队", members.get(0), List.of()).then().statusCode(403);
        form(Tokens.national(), UUID.randomUUID(), "一中队", members.get(0), List.of()).then().statusCode(404);
        UUID chemicals = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", unit);
        form(Tokens.mineSafety("510000"), chemicals, "一组", Registry.member(chemicals, unit), List.of()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "一中队", "leaderId", members.get(0), "memberIds", List.of()))
                .post("/api/v1/teams/" + team + "/squads").then().statusCode(401);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team + "/squads").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void squadsAreReadInScopeOnly() {
        String squad = id(form(Tokens.unit(unit), team, "一中队", members.get(0), List.of()));
        for (String token : List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(unit),
                Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(200)
                    .body("id", equalTo(squad));
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/squads").then().statusCode(200)
                    .body("items.id", equalTo(List.of(squad))).body("total", equalTo(1));
        }
        for (String token : List.of(Tokens.provincial("140000"), Tokens.mineSafety("140000"), Tokens.unit(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/teams/" + team + "/squads").then().statusCode(404);
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/teams/" + team + "/squads").then().statusCode(403);
        UUID other = Registry.activeTeam("510000", "MINING", unit);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + other + "/squads/" + squad).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().auth().oauth2(Tokens.national()).header("If-None-Match", "\"0\"")
                .get("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(304);
    }

    @Test
    void aMemberServesInOneSquadOfTheTeamAndSquadNamesAreUnique() {
        form(Tokens.unit(unit), team, "一中队", members.get(0), members.subList(1, 3)).then().statusCode(201);
        form(Tokens.unit(unit), team, "二中队", members.get(3), List.of(members.get(2), members.get(4))).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "member-in-another-squad"))
                .body("detail", containsString(members.get(2))).body("detail", containsString("一中队"));
        form(Tokens.unit(unit), team, "二中队", members.get(1), List.of()).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "member-in-another-squad"));
        form(Tokens.unit(unit), team, "一中队", members.get(5), List.of()).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "squad-name-taken"));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/squads").then().body("total", equalTo(1));
    }

    @Test
    void leadersAndMembersAreActiveMembersOfTheTeamNamedWhenNot() {
        UUID other = Registry.activeTeam("510000", "MINING", unit);
        String stranger = Registry.member(other, unit);
        form(Tokens.unit(unit), team, "一中队", members.get(0), List.of(stranger)).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", equalTo(List.of("memberIds")));
        form(Tokens.unit(unit), team, "一中队", stranger, List.of()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("leaderId")));
        form(Tokens.unit(unit), team, "一中队", UUID.randomUUID().toString(), List.of()).then().statusCode(400)
                .body("errors.field", hasItem("leaderId"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("role", "RESCUER", "talentType", "SKILLED_CRAFT", "phone", "13800138000", "status", "LEFT"))
                .header("If-Match", "\"0\"").put("/api/v1/members/" + members.get(1)).then().statusCode(200);
        form(Tokens.unit(unit), team, "一中队", members.get(0), List.of(members.get(1))).then().statusCode(400)
                .body("errors[0].message", containsString("not an active member"));
        form(Tokens.unit(unit), team, "  ", members.get(0), List.of()).then().statusCode(400).body("errors.field", hasItem("name"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(Map.of("name", "一中队", "memberIds", List.of()))
                .post("/api/v1/teams/" + team + "/squads").then().statusCode(400).body("errors.field", hasItem("leaderId"));
    }

    @Test
    void aSquadChangesWithIfMatchAndItsVersionMoves() {
        String squad = id(form(Tokens.unit(unit), team, "一中队", members.get(0), List.of(members.get(1))));
        Map<String, Object> change = Map.of("name", "救护一中队", "leaderId", members.get(1), "memberIds", List.of(members.get(2)));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(change)
                .put("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(428);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(change).header("If-Match", "\"7\"")
                .put("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(412);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).contentType(ContentType.JSON).body(change).header("If-Match", "\"0\"")
                .put("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON).body(change).header("If-Match", "\"0\"")
                .put("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(404);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(change).header("If-Match", "\"0\"")
                .put("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("救护一中队")).body("leader.memberId", equalTo(members.get(1)))
                .body("members.memberId", containsInAnyOrder(members.get(1), members.get(2)));
        // the member left out is free again
        form(Tokens.unit(unit), team, "二中队", members.get(0), List.of()).then().statusCode(201);
    }

    @Test
    void aSquadIsDisbandedOnceOffTheRosterAndItsMembersAreFree() {
        String squad = id(form(Tokens.unit(unit), team, "一中队", members.get(0), List.of(members.get(1))));
        schedule(Tokens.unit(unit), squad, "2026-01-01T00:00:00Z", "2026-01-08T00:00:00Z").then().statusCode(201);
        String future = id(schedule(Tokens.unit(unit), squad, "2098-01-01T00:00:00Z", "2098-01-08T00:00:00Z"));
        disband(Tokens.unit(unit), squad, "\"0\"").then().statusCode(409).body("type", equalTo(PROBLEMS + "squad-on-duty-roster"))
                .body("detail", containsString("2098-01-08"));
        given().auth().oauth2(Tokens.unit(unit)).header("If-Match", "\"0\"")
                .delete("/api/v1/teams/" + team + "/duty-roster/" + future).then().statusCode(204);
        disband(Tokens.unit(unit), squad, null).then().statusCode(428);
        disband(Tokens.assessor(UUID.randomUUID()), squad, "\"0\"").then().statusCode(403);
        disband(Tokens.provincial("140000"), squad, "\"0\"").then().statusCode(404);
        disband(Tokens.unit(unit), squad, "\"0\"").then().statusCode(204);
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(200)
                .body("disbandedAt", notNullValue()).body("members", empty()).body("warnings", empty());
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/squads").then().body("total", equalTo(0));
        disband(Tokens.unit(unit), squad, "\"1\"").then().statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
        // the name and the members are free again; the past period still names the disbanded squad
        form(Tokens.unit(unit), team, "一中队", members.get(1), List.of(members.get(0))).then().statusCode(201);
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/teams/" + team + "/duty-roster").then().statusCode(200)
                .body("items.squadId", equalTo(List.of(squad)));
    }

    @Test
    void formingASquadIsIdempotentPerKey() {
        Map<String, Object> body = Map.of("name", "一中队", "leaderId", members.get(0), "memberIds", List.of(members.get(1)));
        String first = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("Idempotency-Key", "squad-" + team)
                .body(body).post("/api/v1/teams/" + team + "/squads").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("Idempotency-Key", "squad-" + team)
                .body(body).post("/api/v1/teams/" + team + "/squads").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("Idempotency-Key", "squad-" + team)
                .body(Map.of("name", "二中队", "leaderId", members.get(2), "memberIds", List.of()))
                .post("/api/v1/teams/" + team + "/squads").then().statusCode(422);
    }

    @Test
    void anExitedTeamFormsNoSquad() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "撤销"))
                .post("/api/v1/teams/" + team + "/exit").then().statusCode(200);
        form(Tokens.national(), team, "一中队", members.get(0), List.of()).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
    }

    @Test
    void squadChangesAreInTheFeedOfTheLevelsThatReadThem() {
        String provincialCursor = cursor(Tokens.provincial("510000"));
        String otherCursor = cursor(Tokens.provincial("140000"));
        String squad = id(form(Tokens.unit(unit), team, "一中队", members.get(0), List.of()));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "救护一中队", "leaderId", members.get(0), "memberIds", List.of()))
                .put("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(200);
        schedule(Tokens.unit(unit), squad, "2097-03-01T00:00:00Z", "2097-03-02T00:00:00Z").then().statusCode(201);
        List<Map<String, Object>> seen = given().auth().oauth2(Tokens.provincial("510000")).queryParam("after", provincialCursor)
                .queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200).extract().jsonPath().getList("items");
        List<Object> types = seen.stream().filter(c -> List.of(squad).contains(c.get("entityId"))
                || "DutyPeriod".equals(c.get("entityType"))).map(c -> c.get("type")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("squad.formed", "squad.updated", "duty-roster.scheduled"), types);
        Map<String, Object> updated = seen.stream().filter(c -> "squad.updated".equals(c.get("type"))).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals("救护一中队", ((Map<?, ?>) updated.get("data")).get("name"));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("after", otherCursor).queryParam("limit", 1000)
                .get("/api/v1/changes").then().statusCode(200).body("items.entityId", not(hasItem(squad)));
    }

    static Response form(String token, UUID team, String name, String leader, List<String> memberIds) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "leaderId", leader, "memberIds", memberIds))
                .post("/api/v1/teams/" + team + "/squads");
    }

    Response schedule(String token, String squad, String startsAt, String endsAt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("squadId", squad, "startsAt", startsAt, "endsAt", endsAt))
                .post("/api/v1/teams/" + team + "/duty-roster");
    }

    Response disband(String token, String squad, String ifMatch) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.delete("/api/v1/teams/" + team + "/squads/" + squad);
    }

    static String id(Response response) {
        return response.then().statusCode(201).extract().path("id");
    }

    static String cursor(String token) {
        return given().auth().oauth2(token).get("/api/v1/changes/cursor").then().statusCode(200).extract().path("cursor");
    }
}
