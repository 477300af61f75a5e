package cn.rescueforce.teams.nearest;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/** Oil and gas teams around the Junggar basin, searched from Karamay. */
@QuarkusTest
class NearestTeamTest {

    static final double KARAMAY_LAT = 45.60;
    static final double KARAMAY_LON = 84.90;

    static boolean registered;
    static UUID xinjiangUnit;
    static UUID corpsUnit;
    static UUID karamay;
    static UUID urumqi;
    static UUID korla;
    static UUID shihezi;
    static UUID kuqaOnMission;
    static UUID dushanziProposed;

    @BeforeEach
    void registry() {
        if (registered) {
            return;
        }
        xinjiangUnit = Registry.unit("650000");
        corpsUnit = Registry.unit("660000");
        karamay = active("650000", xinjiangUnit, 45.58, 84.89, "克拉玛依市");
        urumqi = active("650000", xinjiangUnit, 43.83, 87.62, "乌鲁木齐市");
        korla = active("650000", xinjiangUnit, 41.76, 86.15, "库尔勒市");
        shihezi = active("660000", corpsUnit, 44.31, 86.04, "石河子市");
        kuqaOnMission = active("650000", xinjiangUnit, 41.72, 82.96, "库车市");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("readiness", "UNAVAILABLE"))
                .post("/api/v1/teams/" + kuqaOnMission + "/readiness").then().statusCode(200);
        dushanziProposed = register("650000", xinjiangUnit, 44.33, 84.90, "独山子区");
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("assessmentId", UUID.randomUUID().toString(), "assessmentType", "PERIODIC", "grade", "GRADE_1",
                        "validUntil", "2028-11-23", "finalizedAt", "2026-11-01T02:00:00Z"))
                .post("/api/v1/teams/" + urumqi + "/assessment-results").then().statusCode(200);
        registered = true;
    }

    @Test
    void nationalGetsTheRespondingTeamsNearestFirstWithDistanceGradeAndHeadcount() {
        // teams of other tests lie farther away (Sichuan): the four nearest are the Junggar ones
        nearest(Tokens.national(), Map.of("limit", 4)).statusCode(200)
                .body("items.id", contains(karamay.toString(), shihezi.toString(), urumqi.toString(), korla.toString()))
                .body("items[0].distanceKm", lessThan(5.0f))
                .body("items[0].headcount", equalTo(0))
                .body("items[2].grade", equalTo("GRADE_1"))
                .body("items[0].code", org.hamcrest.Matchers.notNullValue());
        nearest(Tokens.national(), Map.of("limit", 2)).statusCode(200)
                .body("items.id", contains(karamay.toString(), shihezi.toString()));
    }

    @Test
    void theDistanceIsTheGreatCircleDistanceInKilometres() {
        // Karamay → Urumqi: about 292 km along the great circle
        Map<String, Object> query = new HashMap<>(Map.of("lat", 45.58, "lon", 84.89, "category", "OIL_GAS", "limit", 10));
        float urumqiKm = given().auth().oauth2(Tokens.national()).queryParams(query).get("/api/v1/nearest-teams")
                .then().statusCode(200).extract().path("items.find { it.id == '" + urumqi + "' }.distanceKm");
        org.junit.jupiter.api.Assertions.assertEquals(291.5, urumqiKm, 3.0);
    }

    @Test
    void eachLevelSearchesOnlyTheTeamsInItsScope() {
        nearest(Tokens.provincial("650000"), Map.of()).statusCode(200)
                .body("items.id", contains(karamay.toString(), urumqi.toString(), korla.toString()));
        nearest(Tokens.provincial("660000"), Map.of()).statusCode(200).body("items.id", contains(shihezi.toString()));
        nearest(Tokens.unit(corpsUnit), Map.of()).statusCode(200).body("items.id", contains(shihezi.toString()));
        nearest(Tokens.mineSafety("650000"), Map.of()).statusCode(200).body("items", empty());
        nearest(Tokens.provincial("510000"), Map.of()).statusCode(200)
                .body("items.province", everyItem(equalTo("510000")));
        nearest(Tokens.service(), Map.of()).statusCode(200).body("items.id", hasItem(karamay.toString()));
        nearest(Tokens.assessor(UUID.randomUUID()), Map.of()).statusCode(403);
        given().queryParams(Map.of("lat", KARAMAY_LAT, "lon", KARAMAY_LON, "category", "OIL_GAS"))
                .get("/api/v1/nearest-teams").then().statusCode(401);
    }

    @Test
    void teamsOnMissionUnavailableOrNotYetDesignatedAreNotListed() {
        nearest(Tokens.national(), Map.of("limit", 50)).statusCode(200)
                .body("items.id", not(hasItem(kuqaOnMission.toString())))
                .body("items.id", not(hasItem(dushanziProposed.toString())));
    }

    @Test
    void aMinimumGradeKeepsOnlyTeamsGradedAtLeastThat() {
        nearest(Tokens.national(), Map.of("minGrade", "GRADE_2")).statusCode(200).body("items.id", contains(urumqi.toString()));
        nearest(Tokens.national(), Map.of("minGrade", "FAIL")).statusCode(400).body("errors.field", hasItem("minGrade"));
        nearest(Tokens.national(), Map.of("minGrade", "GRADE_9")).statusCode(400);
    }

    @Test
    void theQueryIsValidatedNamingTheField() {
        given().auth().oauth2(Tokens.national()).queryParams(Map.of("lat", 123.0, "lon", KARAMAY_LON, "category", "OIL_GAS"))
                .get("/api/v1/nearest-teams").then().statusCode(400).body("errors.field", hasItem("lat"));
        given().auth().oauth2(Tokens.national()).queryParams(Map.of("lat", KARAMAY_LAT, "lon", KARAMAY_LON))
                .get("/api/v1/nearest-teams").then().statusCode(400).body("errors.field", hasItem("category"));
        nearest(Tokens.national(), Map.of("limit", 51)).statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void thePublicDirectoryFindsTheNearestTeamsWithoutATokenAndWithoutPersonalData() {
        given().queryParams(Map.of("lat", KARAMAY_LAT, "lon", KARAMAY_LON, "category", "OIL_GAS", "limit", 4))
                .get("/api/v1/public/nearest-teams").then().statusCode(200)
                .body("items.id", contains(karamay.toString(), shihezi.toString(), urumqi.toString(), korla.toString()))
                .body("items[0]", not(hasKey("headcount")))
                .body("items[0]", not(hasKey("code")))
                .body("items[0].dutyPhone", equalTo("0990-6881119"))
                .body("items[2].grade", equalTo("GRADE_1"));
        given().queryParams(Map.of("lat", KARAMAY_LAT, "lon", KARAMAY_LON, "category", "OIL_GAS", "limit", 0))
                .get("/api/v1/public/nearest-teams").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void aSearchFarFromEveryTeamStillFindsTheNearestOnes() {
        // from Sanya, more than 3000 km away: the search widens until it has the teams
        given().auth().oauth2(Tokens.provincial("650000")).queryParams(Map.of("lat", 18.25, "lon", 109.51, "category", "OIL_GAS"))
                .get("/api/v1/nearest-teams").then().statusCode(200)
                .body("items.id", contains(korla.toString(), urumqi.toString(), karamay.toString()));
    }

    private ValidatableResponse nearest(String token, Map<String, Object> extra) {
        Map<String, Object> query = new HashMap<>(Map.of("lat", KARAMAY_LAT, "lon", KARAMAY_LON, "category", "OIL_GAS"));
        query.putAll(extra);
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/nearest-teams").then();
    }

    private static UUID register(String province, UUID unit, double lat, double lon, String city) {
        Map<String, Object> body = new HashMap<>(Registry.teamBody(province, "OIL_GAS", unit));
        body.put("baseLocation", Map.of("lat", lat, "lon", lon));
        body.put("baseCity", city);
        body.put("dutyPhone", "0990-6881119");
        body.put("specialties", List.of("PIPELINE_LEAK", "WELL_CONTROL"));
        return UUID.fromString(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/teams").then().statusCode(201).extract().path("id"));
    }

    private static UUID active(String province, UUID unit, double lat, double lon, String city) {
        UUID team = register(province, unit, lat, lon, city);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "验收合格"))
                .post("/api/v1/teams/" + team + "/designation").then().statusCode(200);
        return team;
    }
}
