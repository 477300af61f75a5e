package cn.rescueforce.assessment.bounds;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The bounds of openapi/assessment-api.yaml (maxLength, maxItems, minimum/maximum) are enforced before anything
 * runs: a 400 validation problem naming the field, and nothing changed.
 */
@QuarkusTest
class RequestBoundsTest {

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    void notesLongerThan1000CharactersAreRefusedAndNothingIsScheduled() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        Map<String, Object> body = new HashMap<>(Fixtures.scheduleBody(team, MINING_STANDARD, UUID.randomUUID(), "PERIODIC"));
        body.put("notes", "考".repeat(1001));
        invalid(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments").then(), "notes");
        given().auth().oauth2(Tokens.national()).queryParam("teamId", team).get("/api/v1/assessments").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anOverLongCommentOrMoreThan500ScoresAreRefusedAndTheAssessmentStaysScheduled() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
        Map<String, Object> longComments = new HashMap<>(Fixtures.evaluation(MINING_STANDARD, 1.0));
        longComments.put("comments", "评".repeat(5001));
        invalid(given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(longComments)
                .put("/api/v1/assessments/" + assessment + "/evaluation").then(), "comments");
        Map<String, Object> tooMany = new HashMap<>(Fixtures.evaluation(MINING_STANDARD, 1.0));
        tooMany.put("scores", Collections.nCopies(501, Map.of("indicatorCode", "MR-TEC-1", "score", 1)));
        invalid(given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(tooMany)
                .put("/api/v1/assessments/" + assessment + "/evaluation").then(), "scores");
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(404);
    }

    @Test
    void aValidityOutOfRangeOrAnOverLongTitleIsRefusedAndNoVersionIsDrafted() {
        String code = Fixtures.freshStandardCode();
        Map<String, Object> longValidity = new HashMap<>(Fixtures.standardBody(code));
        longValidity.put("validityMonths", 121);
        invalid(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(longValidity)
                .post("/api/v1/standards").then(), "validityMonths");
        Map<String, Object> longTitle = new HashMap<>(Fixtures.standardBody(code));
        longTitle.put("title", "规".repeat(301));
        invalid(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(longTitle)
                .post("/api/v1/standards").then(), "title");
        // nothing was drafted: the first accepted draft of the code is its version 1
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.standardBody(code))
                .post("/api/v1/standards").then().statusCode(201).body("standardVersion", equalTo(1));
    }

    @Test
    void aPageSizeOutOfRangeIsRefused() {
        invalid(given().auth().oauth2(Tokens.national()).queryParam("size", 201).get("/api/v1/assessments").then(), "size");
        invalid(given().auth().oauth2(Tokens.national()).queryParam("sort", "a".repeat(51)).get("/api/v1/assessments").then(), "sort");
    }

    private static void invalid(ValidatableResponse response, String field) {
        response.statusCode(400)
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("errors.field", hasItem(field));
    }
}
