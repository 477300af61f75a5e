package cn.rescueforce.assessment.conflict;

import cn.rescueforce.assessment.support.EquipmentApiDouble;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.AtOnce;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each 409 names what conflicts (openapi/common.yaml's catalogue), never the generic {@code conflict}. */
@QuarkusTest
class ConflictTypesTest {

    @InjectDouble
    TeamsApiDouble teams;

    @InjectDouble
    EquipmentApiDouble equipment;

    @Test
    void aSecondDraftOfACodeIsStandardDraftExists() {
        String code = Fixtures.freshStandardCode();
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.standardBody(code))
                .post("/api/v1/standards").then().statusCode(201);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.standardBody(code))
                .post("/api/v1/standards").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/standard-draft-exists"))
                .body("title", equalTo("Standard already has a draft"));
    }

    /** Drafts of one code sent at once: one is drafted; the others are standard-draft-exists, from the check or the unique constraint. */
    @Test
    void concurrentDraftsOfOneCodeDraftOneAndTheOthersAreStandardDraftExists() throws Exception {
        String code = Fixtures.freshStandardCode();
        String json = new ObjectMapper().writeValueAsString(Fixtures.standardBody(code));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/standards"))
                .header("Authorization", "Bearer " + Tokens.national()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        int times = 10;
        int drafted = 0;
        for (HttpResponse<String> response : AtOnce.send(request, times)) {
            if (response.statusCode() == 201) {
                drafted++;
            } else {
                assertEquals(409, response.statusCode(), response.body());
                assertTrue(response.body().contains("\"https://rescue-force.cn/problems/standard-draft-exists\""), response.body());
            }
        }
        assertEquals(1, drafted);
        given().auth().oauth2(Tokens.national()).queryParam("code", code).get("/api/v1/standards").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void anExitedTeamIsNotAssessed() {
        UUID exited = teams.addTeam("510000", "MINING", UUID.randomUUID(), "EXITED");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(exited, MINING_STANDARD, UUID.randomUUID(), "PERIODIC"))
                .post("/api/v1/assessments").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/team-exited"))
                .body("title", equalTo("Team has exited"));
        given().auth().oauth2(Tokens.national()).queryParam("teamId", exited).get("/api/v1/assessments").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anAssessmentAgainstADraftIsStandardNotPublished() {
        UUID team = teams.addTeam("510000", "OTHER", UUID.randomUUID());
        UUID draft = Fixtures.draftStandard();
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Fixtures.scheduleBody(team, draft.toString(), UUID.randomUUID(), "PERIODIC"))
                .post("/api/v1/assessments").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/standard-not-published"));
    }

    @Test
    void anEvaluationWhoseEquipmentCannotBeMeasuredIsEquipmentNotMeasurableAndNothingIsStored() {
        UUID assessor = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        equipment.noConfiguration(team);
        UUID assessment = Fixtures.schedule(team, assessor);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(Fixtures.evaluation(MINING_STANDARD, 1.0))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/equipment-not-measurable"))
                .body("title", equalTo("Equipment compliance cannot be measured"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
    }
}
