package cn.rescueforce.assessment.assessment;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.assessment.support.EquipmentApiDouble;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.HAZCHEM_STANDARD;
import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AssessmentSchedulingTest {

    @InjectDouble
    TeamsApiDouble teams;

    @InjectDouble
    EquipmentApiDouble equipment;

    @Test
    void nationalSchedulesAnAssessmentWithTheStandardVersionFixed() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID assessor = UUID.randomUUID();
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(team, MINING_STANDARD, assessor, "PERIODIC"))
                .post("/api/v1/assessments").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/assessments/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("SCHEDULED"))
                .body("standardCode", equalTo("MINE-RESCUE"))
                .body("standardVersion", equalTo(1))
                .body("team.id", equalTo(team.toString()))
                .body("team.province", equalTo("510000"))
                .body("overdue", equalTo(false));
    }

    @Test
    void provincialSchedulesForTeamsOfItsProvinceOnly() {
        UUID sichuan = teams.addTeam("510000", "HAZARDOUS_CHEMICALS", UUID.randomUUID());
        Fixtures.schedule(Tokens.provincial("510000"), sichuan, HAZCHEM_STANDARD, UUID.randomUUID(), "PERIODIC");
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(sichuan, HAZCHEM_STANDARD, UUID.randomUUID(), "PERIODIC"))
                .post("/api/v1/assessments").then().statusCode(404)
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"));
    }

    @Test
    void mineSafetySchedulesMiningTeamsOfItsProvinceButSeesNoOtherTeam() {
        UUID mine = teams.addTeam("140000", "MINING", UUID.randomUUID());
        UUID chemical = teams.addTeam("140000", "HAZARDOUS_CHEMICALS", UUID.randomUUID());
        Fixtures.schedule(Tokens.mineSafety("140000"), mine, MINING_STANDARD, UUID.randomUUID(), "SPOT_CHECK");
        given().auth().oauth2(Tokens.mineSafety("140000")).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(chemical, HAZCHEM_STANDARD, UUID.randomUUID(), "PERIODIC"))
                .post("/api/v1/assessments").then().statusCode(404);
    }

    @Test
    void unitAssessorAndServiceMayNotSchedule() {
        UUID unit = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", unit);
        for (String token : List.of(Tokens.unit(unit), Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Fixtures.scheduleBody(team, MINING_STANDARD, UUID.randomUUID(), "PERIODIC"))
                    .post("/api/v1/assessments").then().statusCode(403)
                    .body("type", equalTo("https://rescue-force.cn/problems/forbidden"));
        }
    }

    @Test
    void aStandardOfAnotherCategoryIsRejectedNamingTheStandard() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(team, HAZCHEM_STANDARD, UUID.randomUUID(), "PERIODIC"))
                .post("/api/v1/assessments").then().statusCode(400)
                .body("errors.field", hasItem("standardId"));
    }

    @Test
    void anAcceptanceIsForAProposedTeamOnly() {
        UUID active = teams.addTeam("510000", "MINING", UUID.randomUUID(), "ACTIVE");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(active, MINING_STANDARD, UUID.randomUUID(), "ACCEPTANCE"))
                .post("/api/v1/assessments").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/team-not-proposed"));
        UUID proposed = teams.addTeam("510000", "MINING", UUID.randomUUID(), "PROPOSED");
        Fixtures.schedule(Tokens.national(), proposed, MINING_STANDARD, UUID.randomUUID(), "ACCEPTANCE");
    }

    @Test
    void anUnknownTypeAndAMalformedTeamIdAre400sNamingTheField() {
        Map<String, Object> body = Fixtures.scheduleBody(UUID.randomUUID(), MINING_STANDARD, UUID.randomUUID(), "PERIODIC");
        body.put("type", "SURPRISE_VISIT");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments").then().statusCode(400).body("errors.field", hasItem("type"));
        body.put("type", "PERIODIC");
        body.put("teamId", "not-a-uuid");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments").then().statusCode(400).body("errors.field", hasItem("teamId"));
    }

    @Test
    void aTeamUnknownToTeamsApiIs404AndTeamsApiDownIs503() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(UUID.randomUUID(), MINING_STANDARD, UUID.randomUUID(), "PERIODIC"))
                .post("/api/v1/assessments").then().statusCode(404);
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        teams.stop();
        try {
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                    .body(Fixtures.scheduleBody(team, MINING_STANDARD, UUID.randomUUID(), "PERIODIC"))
                    .post("/api/v1/assessments").then().statusCode(503)
                    .body("type", equalTo("https://rescue-force.cn/problems/dependency-unavailable"));
        } finally {
            teams.start();
        }
    }

    @Test
    void anAssessorSeesOnlyAssessmentsAssignedToItAndOnlyASummaryOfTheTeam() {
        UUID assessor = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID mine = Fixtures.schedule(team, assessor);
        UUID someoneElses = Fixtures.schedule(team, UUID.randomUUID());
        given().auth().oauth2(Tokens.assessor(assessor)).get("/api/v1/assessments/" + mine).then().statusCode(200)
                .body("team.name", notNullValue())
                .body("team.supportingUnitId", nullValue());
        given().auth().oauth2(Tokens.assessor(assessor)).get("/api/v1/assessments/" + someoneElses).then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(assessor)).get("/api/v1/assessments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(mine.toString()));
    }

    @Test
    void unitAndProvincesSeeOnlyAssessmentsOfTeamsInTheirScope() {
        UUID unit = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", unit);
        UUID assessment = Fixtures.schedule(team, UUID.randomUUID());
        given().auth().oauth2(Tokens.unit(unit)).get("/api/v1/assessments/" + assessment).then().statusCode(200)
                .body("team.supportingUnitId", equalTo(unit.toString()));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/assessments/" + assessment).then().statusCode(404);
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/assessments/" + assessment).then().statusCode(404);
        given().auth().oauth2(Tokens.mineSafety("510000")).get("/api/v1/assessments/" + assessment).then().statusCode(200);
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("size", 200).get("/api/v1/assessments").then().statusCode(200)
                .body("items.team.province", everyItem(equalTo("140000")));
    }

    @Test
    void overdueAndDueSoonAssessmentsAreListed() throws Exception {
        UUID team = teams.addTeam("620000", "MINING", UUID.randomUUID());
        UUID late = Fixtures.schedule(team, UUID.randomUUID());
        UUID dueLater = Fixtures.schedule(team, UUID.randomUUID());
        // the due date is in the past only with time passing; the test moves it back in the database
        try (Connection db = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "");
             PreparedStatement back = db.prepareStatement("update assessment set due_on = current_date - 3 where id = ?")) {
            back.setObject(1, late);
            back.executeUpdate();
        }
        given().auth().oauth2(Tokens.provincial("620000")).queryParam("overdue", true).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", hasItem(late.toString())).body("items.id", not(hasItem(dueLater.toString())))
                .body("items.overdue", everyItem(equalTo(true)));
        given().auth().oauth2(Tokens.provincial("620000")).queryParam("dueWithinDays", 40).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", hasItem(dueLater.toString()));
        given().auth().oauth2(Tokens.provincial("620000")).queryParam("dueWithinDays", 5).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", not(hasItem(dueLater.toString())));
    }

    @Test
    void theSchedulingLevelCancelsAnOpenAssessmentOnce() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID assessment = Fixtures.schedule(Tokens.provincial("510000"), team, MINING_STANDARD, UUID.randomUUID(), "PERIODIC");
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).contentType(ContentType.JSON).body(Map.of("reason", "改期"))
                .post("/api/v1/assessments/" + assessment + "/cancellation").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Map.of("reason", "队伍正在执行救援任务"))
                .post("/api/v1/assessments/" + assessment + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("队伍正在执行救援任务"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "再次取消"))
                .post("/api/v1/assessments/" + assessment + "/cancellation").then().statusCode(409);
    }

    @Test
    void aReplayedIdempotencyKeySchedulesOnce() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        Map<String, Object> body = Fixtures.scheduleBody(team, MINING_STANDARD, UUID.randomUUID(), "PERIODIC");
        String key = "schedule-" + team;
        String first = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/assessments").then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(Tokens.national()).queryParam("teamId", team).get("/api/v1/assessments").then().body("total", equalTo(1));
    }

    @Test
    void withoutATokenOrWithAForeignOneAssessmentsAnswer401() {
        given().get("/api/v1/assessments").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(cn.rescueforce.devkit.DevToken.level("national").signedWithForeignKey().sign())
                .get("/api/v1/assessments").then().statusCode(401);
        given().auth().oauth2(cn.rescueforce.devkit.DevToken.level("provincial").sign())
                .get("/api/v1/assessments").then().statusCode(401);
    }
}
