package cn.rescueforce.teams.prevention;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PreventionTest {

    static final String VALIDATION = "https://rescue-force.cn/problems/validation";

    UUID sichuanUnit;
    UUID miningTeam;
    UUID chemicalTeam;
    LocalDate today;

    @BeforeEach
    void registry() {
        sichuanUnit = Registry.unit("510000");
        miningTeam = Registry.activeTeam("510000", "MINING", sichuanUnit);
        chemicalTeam = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", sichuanUnit);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void theTeamsUnitRecordsAnInspectionWithItsHazardsByKind() {
        Map<String, Object> body = inspection(today.minusDays(3).toString());
        post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/preventive-inspections", body).statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("teamId", equalTo(miningTeam.toString())).body("province", equalTo("510000")).body("category", equalTo("MINING"))
                .body("enterpriseCreditCode", equalTo(body.get("enterpriseCreditCode"))).body("hazardsFound", equalTo(3))
                .body("hazards.kind", contains("GAS", "EMERGENCY_PREPAREDNESS")).body("hazards.count", contains(2, 1))
                .body("followUpOn", equalTo(today.plusDays(27).toString())).body("teamName", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void recordsAreMadeByTheLevelsThatEditTheTeamEachInItsScope() {
        String path = "/api/v1/teams/" + miningTeam + "/preventive-inspections";
        String day = today.minusDays(1).toString();
        post(Tokens.national(), path, inspection(day)).statusCode(201);
        post(Tokens.provincial("510000"), path, inspection(day)).statusCode(201);
        post(Tokens.mineSafety("510000"), path, inspection(day)).statusCode(201);
        post(Tokens.mineSafety("510000"), "/api/v1/teams/" + chemicalTeam + "/preventive-inspections", inspection(day)).statusCode(404);
        post(Tokens.provincial("500000"), path, inspection(day)).statusCode(404);
        post(Tokens.unit(UUID.randomUUID()), path, inspection(day)).statusCode(404);
        post(Tokens.assessor(UUID.randomUUID()), path, inspection(day)).statusCode(403);
        post(Tokens.service(), path, inspection(day)).statusCode(403);
        post(Tokens.national(), "/api/v1/teams/" + UUID.randomUUID() + "/preventive-inspections", inspection(day)).statusCode(404);
        given().contentType(ContentType.JSON).body(inspection(day)).post(path).then().statusCode(401);

        post(Tokens.provincial("500000"), "/api/v1/teams/" + miningTeam + "/technical-services", service(day)).statusCode(404);
        post(Tokens.assessor(UUID.randomUUID()), "/api/v1/teams/" + miningTeam + "/technical-services", service(day)).statusCode(403);
        post(Tokens.mineSafety("510000"), "/api/v1/teams/" + miningTeam + "/technical-services", service(day)).statusCode(201);
        post(Tokens.unit(UUID.randomUUID()), "/api/v1/teams/" + miningTeam + "/outreach-activities", outreach(day)).statusCode(404);
        post(Tokens.assessor(UUID.randomUUID()), "/api/v1/teams/" + miningTeam + "/outreach-activities", outreach(day)).statusCode(403);
        post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/outreach-activities", outreach(day)).statusCode(201);
    }

    @Test
    void theCreditCodeDatesAndHazardKindsAreValidated() {
        String path = "/api/v1/teams/" + miningTeam + "/preventive-inspections";
        Map<String, Object> body = inspection(today.toString());
        String code = (String) body.get("enterpriseCreditCode");
        body.put("enterpriseCreditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        post(Tokens.unit(sichuanUnit), path, body).statusCode(400).body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("enterpriseCreditCode"));
        post(Tokens.unit(sichuanUnit), path, inspection(today.plusDays(1).toString())).statusCode(400)
                .body("errors.field", hasItem("inspectedOn"));
        body = inspection(today.toString());
        body.put("followUpOn", today.minusDays(1).toString());
        post(Tokens.unit(sichuanUnit), path, body).statusCode(400).body("errors.field", hasItem("followUpOn"));
        body = inspection(today.toString());
        body.put("hazards", List.of(Map.of("kind", "GAS", "count", 1), Map.of("kind", "GAS", "count", 2)));
        post(Tokens.unit(sichuanUnit), path, body).statusCode(400).body("errors.field", hasItem("hazards"));
        body.put("hazards", List.of(Map.of("kind", "ALIENS", "count", 1)));
        post(Tokens.unit(sichuanUnit), path, body).statusCode(400).body("type", equalTo(VALIDATION));
        body.put("hazards", List.of(Map.of("kind", "GAS", "count", 0)));
        post(Tokens.unit(sichuanUnit), path, body).statusCode(400).body("type", equalTo(VALIDATION));
        body.put("hazards", List.of());
        post(Tokens.unit(sichuanUnit), path, body).statusCode(201).body("hazardsFound", equalTo(0));

        Map<String, Object> service = service(today.plusDays(2).toString());
        post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/technical-services", service).statusCode(400)
                .body("errors.field", hasItem("startedOn"));
        service = service(today.toString());
        service.put("days", 0);
        post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/technical-services", service).statusCode(400)
                .body("type", equalTo(VALIDATION));
        Map<String, Object> outreach = outreach(today.plusDays(1).toString());
        post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/outreach-activities", outreach).statusCode(400)
                .body("errors.field", hasItem("heldOn"));
    }

    @Test
    void anExitedTeamRecordsNothingMore() {
        UUID team = Registry.activeTeam("510000", "MINING", sichuanUnit);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "撤销"))
                .post("/api/v1/teams/" + team + "/exit").then().statusCode(200);
        post(Tokens.national(), "/api/v1/teams/" + team + "/technical-services", service(today.toString())).statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/invalid-transition"));
    }

    @Test
    void aRepeatedRecordWithTheSameIdempotencyKeyIsRecordedOnce() {
        String key = "outreach-" + UUID.randomUUID();
        Map<String, Object> body = outreach(today.toString());
        String first = given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/teams/" + miningTeam + "/outreach-activities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/teams/" + miningTeam + "/outreach-activities").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).queryParam("teamId", miningTeam.toString())
                .get("/api/v1/outreach-activities").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void listsShowTheRecordsInTheCallersScopeWithTheirFilters() {
        UUID yunnanUnit = Registry.unit("530000");
        UUID yunnanTeam = Registry.activeTeam("530000", "MINING", yunnanUnit);
        String day = today.minusDays(10).toString();
        String mine = id(post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/preventive-inspections", inspection(day)));
        Map<String, Object> chemical = inspection(today.minusDays(40).toString());
        chemical.put("hazards", List.of(Map.of("kind", "HAZARDOUS_CHEMICAL_LEAK", "count", 4)));
        String chem = id(post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + chemicalTeam + "/preventive-inspections", chemical));
        String yunnan = id(post(Tokens.unit(yunnanUnit), "/api/v1/teams/" + yunnanTeam + "/preventive-inspections", inspection(day)));

        String path = "/api/v1/preventive-inspections";
        list(Tokens.national(), path, Map.of("size", 200)).body("items.id", hasItem(mine)).body("items.id", hasItem(yunnan));
        list(Tokens.service(), path, Map.of("teamId", miningTeam)).body("items.id", contains(mine));
        list(Tokens.provincial("510000"), path, Map.of("size", 200)).body("items.id", hasItem(mine)).body("items.id", hasItem(chem))
                .body("items.id", not(hasItem(yunnan)));
        list(Tokens.mineSafety("510000"), path, Map.of("size", 200)).body("items.id", hasItem(mine)).body("items.id", not(hasItem(chem)));
        list(Tokens.unit(sichuanUnit), path, Map.of()).body("total", equalTo(2));
        list(Tokens.unit(UUID.randomUUID()), path, Map.of()).body("total", equalTo(0));
        list(Tokens.provincial("140000"), path, Map.of("teamId", miningTeam)).body("total", equalTo(0));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);

        list(Tokens.unit(sichuanUnit), path, Map.of("hazardKind", "HAZARDOUS_CHEMICAL_LEAK")).body("items.id", contains(chem));
        list(Tokens.unit(sichuanUnit), path, Map.of("category", "MINING")).body("items.id", contains(mine));
        list(Tokens.unit(sichuanUnit), path, Map.of("from", today.minusDays(20).toString())).body("items.id", contains(mine));
        list(Tokens.unit(sichuanUnit), path, Map.of("to", today.minusDays(40).toString())).body("items.id", contains(chem));
        list(Tokens.unit(sichuanUnit), path, Map.of("sort", "hazardsFound,desc")).body("items.id", contains(chem, mine));
        list(Tokens.national(), path, Map.of("province", "530000", "teamId", yunnanTeam)).body("items.id", contains(yunnan))
                .body("items[0].hazards.kind", contains("GAS", "EMERGENCY_PREPAREDNESS"));
        given().auth().oauth2(Tokens.national()).queryParam("hazardKind", "ALIENS").get(path).then().statusCode(400)
                .body("type", equalTo(VALIDATION));
        given().auth().oauth2(Tokens.national()).queryParam("sort", "client").get(path).then().statusCode(400)
                .body("type", equalTo(VALIDATION));

        String standby = id(post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/technical-services", service(day)));
        Map<String, Object> review = service(day);
        review.put("kind", "EMERGENCY_PLAN_REVIEW");
        String plan = id(post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + chemicalTeam + "/technical-services", review));
        list(Tokens.provincial("510000"), "/api/v1/technical-services", Map.of("kind", "EMERGENCY_PLAN_REVIEW", "province", "510000"))
                .body("items.id", hasItem(plan)).body("items.id", not(hasItem(standby)));
        list(Tokens.mineSafety("510000"), "/api/v1/technical-services", Map.of("size", 200)).body("items.id", hasItem(standby))
                .body("items.id", not(hasItem(plan)));
        list(Tokens.provincial("530000"), "/api/v1/technical-services", Map.of("teamId", miningTeam)).body("total", equalTo(0));

        String school = id(post(Tokens.unit(sichuanUnit), "/api/v1/teams/" + miningTeam + "/outreach-activities", outreach(day)));
        list(Tokens.unit(sichuanUnit), "/api/v1/outreach-activities", Map.of("audience", "STUDENTS")).body("items.id", contains(school))
                .body("items[0].participants", equalTo(420));
        list(Tokens.unit(sichuanUnit), "/api/v1/outreach-activities", Map.of("audience", "PUBLIC")).body("total", equalTo(0));
        list(Tokens.unit(yunnanUnit), "/api/v1/outreach-activities", Map.of()).body("total", equalTo(0));
    }

    @Test
    void yearlyTotalsAreGroupedByTeamProvinceOrCategoryWithinTheCallersScope() {
        int year = today.getYear() - 1; // a past year, whole: records of other tests land in the current one
        UUID unit = Registry.unit("460000");
        UUID hainanMining = Registry.activeTeam("460000", "MINING", unit);
        UUID hainanChemical = Registry.activeTeam("460000", "HAZARDOUS_CHEMICALS", unit);
        post(Tokens.unit(unit), "/api/v1/teams/" + hainanMining + "/preventive-inspections", inspection(year + "-03-01")).statusCode(201);
        post(Tokens.unit(unit), "/api/v1/teams/" + hainanMining + "/preventive-inspections", inspection(year + "-12-31")).statusCode(201);
        post(Tokens.unit(unit), "/api/v1/teams/" + hainanMining + "/preventive-inspections", inspection((year - 1) + "-12-31")).statusCode(201);
        post(Tokens.unit(unit), "/api/v1/teams/" + hainanChemical + "/technical-services", service(year + "-06-01")).statusCode(201);
        post(Tokens.unit(unit), "/api/v1/teams/" + hainanChemical + "/outreach-activities", outreach(year + "-05-12")).statusCode(201);

        given().auth().oauth2(Tokens.unit(unit)).queryParam("year", year).get("/api/v1/prevention-totals").then().statusCode(200)
                .body("groupBy", equalTo("TEAM")).body("groups.key", org.hamcrest.Matchers.containsInAnyOrder(hainanMining.toString(),
                        hainanChemical.toString()))
                .body("groups.find { it.key == '" + hainanMining + "' }.counts.inspections", equalTo(2))
                .body("groups.find { it.key == '" + hainanMining + "' }.counts.hazardsFound", equalTo(6))
                .body("groups.find { it.key == '" + hainanMining + "' }.teamName", org.hamcrest.Matchers.notNullValue())
                .body("groups.find { it.key == '" + hainanChemical + "' }.counts.serviceDays", equalTo(3))
                .body("groups.find { it.key == '" + hainanChemical + "' }.counts.outreachParticipants", equalTo(420))
                .body("total.inspections", equalTo(2)).body("total.technicalServices", equalTo(1)).body("total.outreachActivities", equalTo(1));
        given().auth().oauth2(Tokens.mineSafety("460000")).queryParam("year", year).queryParam("groupBy", "CATEGORY")
                .get("/api/v1/prevention-totals").then().statusCode(200)
                .body("groups.key", contains("MINING")).body("groups[0].teamName", nullValue())
                .body("total.inspections", equalTo(2)).body("total.technicalServices", equalTo(0));
        given().auth().oauth2(Tokens.provincial("460000")).queryParam("year", year).queryParam("groupBy", "PROVINCE")
                .get("/api/v1/prevention-totals").then().statusCode(200)
                .body("groups.key", contains("460000")).body("groups[0].counts.inspections", equalTo(2))
                .body("groups[0].counts.outreachActivities", equalTo(1));
        given().auth().oauth2(Tokens.national()).queryParam("year", year).queryParam("groupBy", "PROVINCE")
                .get("/api/v1/prevention-totals").then().statusCode(200)
                .body("groups.find { it.key == '460000' }.counts.hazardsFound", equalTo(6));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("year", year).queryParam("groupBy", "PROVINCE")
                .get("/api/v1/prevention-totals").then().statusCode(200).body("groups.key", not(hasItem("460000")));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).queryParam("year", year).get("/api/v1/prevention-totals").then()
                .statusCode(200).body("groups.size()", equalTo(0)).body("total.inspections", equalTo(0));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/prevention-totals").then().statusCode(403);
        given().auth().oauth2(Tokens.national()).queryParam("groupBy", "STREET").get("/api/v1/prevention-totals").then().statusCode(400);
        given().auth().oauth2(Tokens.national()).queryParam("year", 1999).get("/api/v1/prevention-totals").then().statusCode(400)
                .body("type", equalTo(VALIDATION));
    }

    Map<String, Object> inspection(String day) {
        Map<String, Object> body = new HashMap<>(Map.of("enterpriseName", "珙县鑫源煤业有限公司", "enterpriseCreditCode",
                Registry.creditCode("510000"), "inspectedOn", day,
                "hazards", List.of(Map.of("kind", "GAS", "count", 2), Map.of("kind", "EMERGENCY_PREPAREDNESS", "count", 1)),
                "rectificationAdvice", "回风巷瓦斯传感器位置不当，限期整改"));
        body.put("followUpOn", LocalDate.parse(day).plusDays(30).toString());
        return body;
    }

    static Map<String, Object> service(String day) {
        return new HashMap<>(Map.of("kind", "HAZARDOUS_OPERATION_STANDBY", "client", "珙县鑫源煤业有限公司", "startedOn", day,
                "days", 3, "description", "启封2号火区现场监护"));
    }

    static Map<String, Object> outreach(String day) {
        return new HashMap<>(Map.of("kind", "POPULAR_SCIENCE", "heldOn", day, "audience", "STUDENTS",
                "topic", "防灾减灾日进校园：矿山事故自救互救", "participants", 420));
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static ValidatableResponse list(String token, String path, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(path).then().statusCode(200);
    }

    private static String id(ValidatableResponse response) {
        return response.statusCode(201).extract().path("id");
    }
}
