package cn.rescueforce.teams.drill;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class DrillTest {

    UUID unit;
    UUID miningTeam;
    UUID chemicalTeam;

    @BeforeEach
    void registry() {
        unit = Registry.unit("510000");
        miningTeam = Registry.activeTeam("510000", "MINING", unit);
        chemicalTeam = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", unit);
    }

    @Test
    void theUnitRecordsADrillAndEveryLevelInScopeReadsIt() {
        record(Tokens.unit(unit), miningTeam, drill("2026-10-15", "FULL_SCALE", 36, 240)).statusCode(201)
                .body("type", equalTo("FULL_SCALE")).body("scenario", equalTo("井下瓦斯爆炸后搜救被困矿工"))
                .body("participants", equalTo(36)).body("durationMinutes", equalTo(240))
                .body("findings", equalTo("通讯中继设置偏慢，需加强井下通讯训练"));
        for (String token : List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(unit), Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].heldOn", equalTo("2026-10-15"));
        }
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(404);
        given().auth().oauth2(Tokens.mineSafety("510000")).get("/api/v1/teams/" + chemicalTeam + "/drills").then().statusCode(404);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(403);
        given().get("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(401);
    }

    @Test
    void drillsAreRecordedOnlyByEditorsInScope() {
        record(Tokens.national(), miningTeam, drill("2026-01-10", "TABLETOP", 12, 90)).statusCode(201);
        record(Tokens.provincial("510000"), miningTeam, drill("2026-01-11", "TABLETOP", 12, 90)).statusCode(201);
        record(Tokens.mineSafety("510000"), miningTeam, drill("2026-01-12", "TABLETOP", 12, 90)).statusCode(201);
        record(Tokens.mineSafety("510000"), chemicalTeam, drill("2026-01-12", "TABLETOP", 12, 90)).statusCode(404);
        record(Tokens.provincial("140000"), miningTeam, drill("2026-01-12", "TABLETOP", 12, 90)).statusCode(404);
        record(Tokens.unit(UUID.randomUUID()), miningTeam, drill("2026-01-12", "TABLETOP", 12, 90)).statusCode(404);
        record(Tokens.assessor(UUID.randomUUID()), miningTeam, drill("2026-01-12", "TABLETOP", 12, 90)).statusCode(403);
        record(Tokens.service(), miningTeam, drill("2026-01-12", "TABLETOP", 12, 90)).statusCode(403);
        given().contentType(ContentType.JSON).body(drill("2026-01-12", "TABLETOP", 12, 90))
                .post("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(401);
        given().auth().oauth2(Tokens.unit(unit)).queryParam("year", 2026).queryParam("sort", "heldOn,asc")
                .get("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(200).body("total", equalTo(3))
                .body("items[0].heldOn", equalTo("2026-01-10"));
    }

    @Test
    void aDrillIsValidatedNamingTheField() {
        record(Tokens.unit(unit), miningTeam, drill(LocalDate.now().plusDays(3).toString(), "TABLETOP", 12, 90)).statusCode(400)
                .body("errors.field", hasItem("heldOn"));
        record(Tokens.unit(unit), miningTeam, drill("2026-01-10", "PARADE", 12, 90)).statusCode(400).body("errors.field", hasItem("type"));
        record(Tokens.unit(unit), miningTeam, drill("2026-01-10", "TABLETOP", 0, 90)).statusCode(400).body("errors.field", hasItem("participants"));
        record(Tokens.unit(unit), miningTeam, drill("2026-01-10", "TABLETOP", 10, 0)).statusCode(400).body("errors.field", hasItem("durationMinutes"));
    }

    @Test
    void anExitedTeamRecordsNoMoreDrills() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "撤销"))
                .post("/api/v1/teams/" + chemicalTeam + "/exit").then().statusCode(200);
        record(Tokens.unit(unit), chemicalTeam, drill("2026-01-10", "TABLETOP", 12, 90)).statusCode(409);
    }

    @Test
    void trainingHoursAddToTheMemberAndOnlyForMembersOfTheTeam() {
        String member = member(miningTeam);
        String otherTeamsMember = member(chemicalTeam);
        training(Tokens.unit(unit), miningTeam, member, "2026-09-20", 8).statusCode(201)
                .body("hours", equalTo(8)).body("memberTrainingHours", equalTo(128)).body("memberName", equalTo("张伟"));
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/members/" + member).then().body("trainingHours", equalTo(128));
        training(Tokens.unit(unit), miningTeam, otherTeamsMember, "2026-09-20", 8).statusCode(404);
        training(Tokens.unit(unit), miningTeam, UUID.randomUUID().toString(), "2026-09-20", 8).statusCode(404);
        training(Tokens.provincial("140000"), miningTeam, member, "2026-09-20", 8).statusCode(404);
        training(Tokens.assessor(UUID.randomUUID()), miningTeam, member, "2026-09-20", 8).statusCode(403);
        training(Tokens.unit(unit), miningTeam, member, LocalDate.now().plusDays(2).toString(), 8).statusCode(400)
                .body("errors.field", hasItem("trainedOn"));
        training(Tokens.unit(unit), miningTeam, member, "2026-09-20", 0).statusCode(400).body("errors.field", hasItem("hours"));
    }

    @Test
    void yearlyTotalsCountTheDrillsByTypeTheirHoursAndTheTrainingOfThatYear() {
        record(Tokens.unit(unit), miningTeam, drill("2025-03-01", "FULL_SCALE", 36, 240)).statusCode(201);
        record(Tokens.unit(unit), miningTeam, drill("2025-11-30", "TABLETOP", 12, 90)).statusCode(201);
        record(Tokens.unit(unit), miningTeam, drill("2024-12-31", "TABLETOP", 12, 90)).statusCode(201);
        String member = member(miningTeam);
        training(Tokens.unit(unit), miningTeam, member, "2025-05-01", 8).statusCode(201);
        training(Tokens.unit(unit), miningTeam, member, "2025-06-01", 4).statusCode(201);
        training(Tokens.unit(unit), miningTeam, member, "2024-06-01", 6).statusCode(201);

        given().auth().oauth2(Tokens.provincial("510000")).queryParam("year", 2025).get("/api/v1/teams/" + miningTeam + "/drill-totals")
                .then().statusCode(200).body("year", equalTo(2025)).body("drills", equalTo(2))
                .body("drillsByType.find { it.type == 'FULL_SCALE' }.count", equalTo(1))
                .body("drillsByType.find { it.type == 'TABLETOP' }.count", equalTo(1))
                .body("drillHours", equalTo(5.5f)).body("participantHours", equalTo(162.0f))
                .body("trainingHours", equalTo(12)).body("trainedMembers", equalTo(1));
        given().auth().oauth2(Tokens.unit(unit)).queryParam("year", 2023).get("/api/v1/teams/" + miningTeam + "/drill-totals")
                .then().statusCode(200).body("drills", equalTo(0)).body("drillHours", equalTo(0.0f)).body("trainingHours", equalTo(0));
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/teams/" + miningTeam + "/drill-totals").then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/teams/" + miningTeam + "/drill-totals").then().statusCode(403);
        given().auth().oauth2(Tokens.national()).queryParam("year", 1900).get("/api/v1/teams/" + miningTeam + "/drill-totals")
                .then().statusCode(400).body("errors.field", hasItem("year"));
    }

    static Map<String, Object> drill(String heldOn, String type, int participants, int minutes) {
        return new HashMap<>(Map.of("heldOn", heldOn, "type", type, "scenario", "井下瓦斯爆炸后搜救被困矿工",
                "participants", participants, "durationMinutes", minutes, "findings", "通讯中继设置偏慢，需加强井下通讯训练"));
    }

    private ValidatableResponse record(String token, UUID team, Map<String, Object> drill) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(drill).post("/api/v1/teams/" + team + "/drills").then();
    }

    private ValidatableResponse training(String token, UUID team, String member, String on, int hours) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "trainedOn", on, "hours", hours, "subject", "正压氧气呼吸器佩用与故障处置"))
                .post("/api/v1/teams/" + team + "/training-hours").then();
    }

    private String member(UUID team) {
        return Registry.member(team, unit);
    }
}
