package cn.rescueforce.assessment.statistics;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.assessment.support.Eventually;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class GradeStatisticsTest {

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    void gradeDistributionAndPassRateOfAProvinceCountEachTeamByItsLatestResult() {
        // Hainan (460000) is used by this test only
        UUID gradedTwice = teams.addTeam("460000", "MINING", UUID.randomUUID());
        UUID failed = teams.addTeam("460000", "MINING", UUID.randomUUID());
        for (Object[] run : new Object[][]{{gradedTwice, 0.7}, {gradedTwice, 0.8}, {failed, 0.5}}) {
            UUID assessment = Fixtures.submitted((UUID) run[0], UUID.randomUUID(), (double) run[1], "PERIODIC");
            given().auth().oauth2(Tokens.provincial("460000")).post("/api/v1/assessments/" + assessment + "/finalization").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.provincial("460000")).get("/api/v1/statistics/grades").then().statusCode(200)
                .body("rows.province", everyItem(equalTo("460000")))
                .body("totals.grade2", equalTo(1)).body("totals.grade3", equalTo(0)).body("totals.fail", equalTo(1))
                .body("totals.finalized", equalTo(3)).body("totals.passed", equalTo(2))
                .body("totals.passRate", equalTo(0.667f));
        given().auth().oauth2(Tokens.national()).queryParam("province", "460000").get("/api/v1/statistics/grades").then().statusCode(200)
                .body("totals.finalized", equalTo(3));
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/statistics/grades").then().statusCode(200)
                .body("rows.province", not(hasItem("460000")));
    }

    @Test
    void unitsAndAssessorsMayNotReadStatisticsServicesMay() {
        for (String token : List.of(Tokens.unit(UUID.randomUUID()), Tokens.assessor(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/statistics/grades").then().statusCode(403);
        }
        // teams-api's figures read them with its service account
        given().auth().oauth2(Tokens.service()).get("/api/v1/statistics/grades").then().statusCode(200);
        given().auth().oauth2(Tokens.national()).queryParam("province", "990000").get("/api/v1/statistics/grades").then().statusCode(400)
                .body("errors.field", hasItem("province"));
    }

    @Test
    void teamsWhoseGradeExpiresWithinTheHorizonAreListedFromTeamsApiWithinScope() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID soon = teams.addTeam("450000", "TUNNEL_CONSTRUCTION", UUID.randomUUID());
        teams.grade(soon, "GRADE_2", today.plusDays(20).toString());
        UUID later = teams.addTeam("450000", "TUNNEL_CONSTRUCTION", UUID.randomUUID());
        teams.grade(later, "GRADE_1", today.plusDays(400).toString());
        UUID mining = teams.addTeam("450000", "MINING", UUID.randomUUID());
        teams.grade(mining, "GRADE_3", today.plusDays(10).toString());
        given().auth().oauth2(Tokens.provincial("450000")).queryParam("withinDays", 30).get("/api/v1/grades/expiring").then().statusCode(200)
                .body("items.teamId", hasItem(soon.toString())).body("items.teamId", hasItem(mining.toString()))
                .body("items.teamId", not(hasItem(later.toString())))
                .body("items[0].teamId", equalTo(mining.toString())).body("items[0].daysLeft", equalTo(10));
        given().auth().oauth2(Tokens.mineSafety("450000")).queryParam("withinDays", 30).get("/api/v1/grades/expiring").then().statusCode(200)
                .body("items.category", everyItem(equalTo("MINING"))).body("items.teamId", hasItem(mining.toString()));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("withinDays", 30).get("/api/v1/grades/expiring").then().statusCode(200)
                .body("items.province", everyItem(equalTo("510000")));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/grades/expiring").then().statusCode(403);
        teams.stop();
        try {
            given().auth().oauth2(Tokens.national()).get("/api/v1/grades/expiring").then().statusCode(503);
        } finally {
            teams.start();
        }
        Eventually.within(Duration.ofSeconds(1), "teams-api double back", teams::running);
    }
}
