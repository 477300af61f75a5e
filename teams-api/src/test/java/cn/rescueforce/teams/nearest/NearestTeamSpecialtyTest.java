package cn.rescueforce.teams.nearest;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Teams of category OTHER around Lhasa with different specialties, found by specialty and by natural disaster. */
@QuarkusTest
class NearestTeamSpecialtyTest {

    static final double LHASA_LAT = 29.65;
    static final double LHASA_LON = 91.13;

    static boolean registered;
    static UUID unit;
    static UUID water;          // nearest
    static UUID earthquake;
    static UUID waterAndHeights;
    static UUID landslide;      // farthest

    @BeforeEach
    void registry() {
        if (registered) {
            return;
        }
        unit = Registry.unit("540000");
        water = active(29.66, 91.14, List.of("WATER_RESCUE"));
        earthquake = active(29.70, 91.20, List.of("EARTHQUAKE_SEARCH_RESCUE", "BUILDING_COLLAPSE"));
        waterAndHeights = active(29.80, 91.30, List.of("HIGH_ANGLE_RESCUE", "WATER_RESCUE"));
        landslide = active(30.10, 91.60, List.of("GEOLOGICAL_DISASTER_RESCUE"));
        registered = true;
    }

    @Test
    void aSpecialtyKeepsTheTeamsThatHaveIt() {
        nearest(Tokens.provincial("540000"), Map.of("specialty", "WATER_RESCUE")).statusCode(200)
                .body("items.id", contains(water.toString(), waterAndHeights.toString()));
        nearest(Tokens.provincial("540000"), Map.of()).statusCode(200)
                .body("items.id", contains(water.toString(), earthquake.toString(), waterAndHeights.toString(), landslide.toString()));
    }

    @Test
    void severalSpecialtiesMatchAnyByDefaultOrAll() {
        ValidatableResponse any = given().auth().oauth2(Tokens.national()).queryParams(query(Map.of()))
                .queryParam("specialty", "HIGH_ANGLE_RESCUE", "GEOLOGICAL_DISASTER_RESCUE").get("/api/v1/nearest-teams").then();
        any.statusCode(200).body("items.id", contains(waterAndHeights.toString(), landslide.toString()));
        given().auth().oauth2(Tokens.national()).queryParams(query(Map.of("specialtyMatch", "all")))
                .queryParam("specialty", "HIGH_ANGLE_RESCUE", "WATER_RESCUE").get("/api/v1/nearest-teams").then()
                .statusCode(200).body("items.id", contains(waterAndHeights.toString()));
        given().auth().oauth2(Tokens.national()).queryParams(query(Map.of("specialtyMatch", "all")))
                .queryParam("specialty", "HIGH_ANGLE_RESCUE", "EARTHQUAKE_SEARCH_RESCUE").get("/api/v1/nearest-teams").then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void aNaturalDisasterFindsTheTeamsWhoseSpecialtiesServeIt() {
        // an earthquake: search and rescue, collapsed buildings, high-angle rescue
        nearest(Tokens.national(), Map.of("incidentType", "EARTHQUAKE")).statusCode(200)
                .body("items.id", contains(earthquake.toString(), waterAndHeights.toString()));
        nearest(Tokens.national(), Map.of("incidentType", "LANDSLIDE")).statusCode(200)
                .body("items.id", contains(earthquake.toString(), landslide.toString()));
        nearest(Tokens.national(), Map.of("incidentType", "FLOOD", "specialty", "HIGH_ANGLE_RESCUE")).statusCode(200)
                .body("items.id", contains(waterAndHeights.toString()));
        given().queryParams(query(Map.of("incidentType", "FLOOD"))).get("/api/v1/public/nearest-teams").then().statusCode(200)
                .body("items.id", contains(water.toString(), waterAndHeights.toString()));
    }

    @Test
    void theFiltersKeepTheScope() {
        nearest(Tokens.provincial("510000"), Map.of("specialty", "WATER_RESCUE")).statusCode(200)
                .body("items.province", org.hamcrest.Matchers.everyItem(equalTo("510000")));
        nearest(Tokens.unit(unit), Map.of("incidentType", "EARTHQUAKE")).statusCode(200)
                .body("items.id", contains(earthquake.toString(), waterAndHeights.toString()));
        nearest(Tokens.assessor(UUID.randomUUID()), Map.of("specialty", "WATER_RESCUE")).statusCode(403);
    }

    @Test
    void unknownValuesAreRefusedAsValidationProblemsNamingTheParameterAndTheAllowedValues() {
        // the kit's problem mappers find the query parameter that does not convert on the operation (ParameterFailures)
        Map<String, String> allowed = Map.of("specialty", "MINE_FIRE, GAS_COAL_DUST_EXPLOSION", "incidentType", "EARTHQUAKE",
                "specialtyMatch", "any, all", "category", "MINING, HAZARDOUS_CHEMICALS");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("specialty", "SWIMMING"), Map.of("incidentType", "VOLCANO"),
                Map.of("specialtyMatch", "most"), Map.of("category", "FOO"))) {
            String parameter = bad.keySet().iterator().next();
            nearest(Tokens.national(), bad).statusCode(400).body("type", equalTo("https://rescue-force.cn/problems/validation"))
                    .body("errors", org.hamcrest.Matchers.hasSize(1)).body("errors[0].field", equalTo(parameter))
                    .body("errors[0].message", containsString("must be one of"))
                    .body("errors[0].message", containsString(allowed.get(parameter)));
            given().queryParams(query(bad)).get("/api/v1/public/nearest-teams").then().statusCode(400)
                    .body("errors[0].field", equalTo(parameter)).body("errors[0].message", containsString(allowed.get(parameter)));
        }
        // one of several values of a repeated parameter, and the message in Chinese
        given().auth().oauth2(Tokens.national()).queryParams(query(Map.of())).queryParam("specialty", "WATER_RESCUE", "SWIMMING")
                .get("/api/v1/nearest-teams").then().statusCode(400).body("errors[0].field", equalTo("specialty"));
        given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-CN").queryParams(query(Map.of("category", "FOO")))
                .get("/api/v1/nearest-teams").then().statusCode(400).body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("必须是以下之一"));
    }

    private static Map<String, Object> query(Map<String, Object> extra) {
        Map<String, Object> query = new HashMap<>(Map.of("lat", LHASA_LAT, "lon", LHASA_LON, "category", "OTHER", "limit", 4));
        query.putAll(extra);
        return query;
    }

    private static ValidatableResponse nearest(String token, Map<String, Object> extra) {
        RequestSpecification request = given().auth().oauth2(token).queryParams(query(extra));
        return request.get("/api/v1/nearest-teams").then();
    }

    private static UUID active(double lat, double lon, List<String> specialties) {
        Map<String, Object> body = new HashMap<>(Registry.teamBody("540000", "OTHER", unit));
        body.put("baseLocation", Map.of("lat", lat, "lon", lon));
        body.put("baseCity", "拉萨市");
        body.put("specialties", specialties);
        UUID team = UUID.fromString(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/teams").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "验收合格"))
                .post("/api/v1/teams/" + team + "/designation").then().statusCode(200);
        return team;
    }
}
