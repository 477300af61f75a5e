package cn.rescueforce.teams.incident;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IncidentTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";
    static final String SICHUAN = "510000";
    static final String CHONGQING = "500000";

    UUID sichuanUnit;
    UUID sichuanTeam;
    UUID chongqingUnit;
    UUID chongqingTeam;

    @BeforeEach
    void registry() {
        sichuanUnit = Registry.unit(SICHUAN);
        sichuanTeam = Registry.activeTeam(SICHUAN, "MINING", sichuanUnit);
        chongqingUnit = Registry.unit(CHONGQING);
        chongqingTeam = Registry.activeTeam(CHONGQING, "MINING", chongqingUnit);
    }

    @Test
    void eachLevelOpensOnlyTheIncidentsOfItsOwn() {
        open(Tokens.national(), incident("MINING_ACCIDENT", CHONGQING)).statusCode(201)
                .header("Location", containsString("/api/v1/incidents/")).header("ETag", notNullValue())
                .body("status", equalTo("OPEN")).body("category", equalTo("PRODUCTION_SAFETY"))
                .body("leadProvince", equalTo(CHONGQING)).body("openedBy.level", equalTo("NATIONAL")).body("version", equalTo(0));
        open(Tokens.provincial(SICHUAN), incident("FLOOD", SICHUAN, CHONGQING)).statusCode(201)
                .body("category", equalTo("NATURAL_DISASTER")).body("provinces", equalTo(List.of(SICHUAN, CHONGQING)))
                .body("leadProvince", equalTo(SICHUAN));
        open(Tokens.provincial(SICHUAN), incident("FLOOD", CHONGQING, SICHUAN)).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        open(Tokens.mineSafety(SICHUAN), incident("MINING_ACCIDENT", SICHUAN)).statusCode(201).body("openedBy.level", equalTo("MINE_SAFETY"));
        open(Tokens.mineSafety(SICHUAN), incident("HAZARDOUS_CHEMICALS_ACCIDENT", SICHUAN)).statusCode(403);
        open(Tokens.mineSafety(CHONGQING), incident("MINING_ACCIDENT", SICHUAN)).statusCode(403);
        open(Tokens.unit(sichuanUnit), incident("MINING_ACCIDENT", SICHUAN)).statusCode(201)
                .body("supportingUnitId", equalTo(sichuanUnit.toString()));
        Map<String, Object> atAnother = incident("MINING_ACCIDENT", SICHUAN);
        atAnother.put("supportingUnitId", chongqingUnit.toString());
        open(Tokens.unit(sichuanUnit), atAnother).statusCode(403);
        open(Tokens.assessor(UUID.randomUUID()), incident("MINING_ACCIDENT", SICHUAN)).statusCode(403);
        open(Tokens.service(), incident("MINING_ACCIDENT", SICHUAN)).statusCode(403);
        given().contentType(ContentType.JSON).body(incident("MINING_ACCIDENT", SICHUAN)).post("/api/v1/incidents").then().statusCode(401);
    }

    @Test
    void anIncidentNamesEveryInvalidField() {
        Map<String, Object> bad = incident("MINING_ACCIDENT", "190000", "190000");
        bad.put("occurredAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        open(Tokens.national(), bad).statusCode(400).body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("provinces[0]")).body("errors.field", hasItem("provinces"))
                .body("errors.field", hasItem("occurredAt"));
        Map<String, Object> unknownType = incident("METEOR_STRIKE", SICHUAN);
        open(Tokens.national(), unknownType).statusCode(400).body("errors.field", hasItem("type"));
        // a list filter outside its enum names the query parameter and its values
        given().auth().oauth2(Tokens.national()).queryParam("status", "FINISHED").get("/api/v1/incidents").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of OPEN, CONTAINED, CLOSED"));
    }

    @Test
    void anIncidentIsSeenByItsProvincesAndNotByOthers() {
        String id = openId(Tokens.provincial(SICHUAN), incident("MINING_ACCIDENT", SICHUAN));
        read(Tokens.provincial(SICHUAN), id).statusCode(200);
        read(Tokens.mineSafety(SICHUAN), id).statusCode(200);
        read(Tokens.national(), id).statusCode(200);
        read(Tokens.provincial(CHONGQING), id).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        read(Tokens.mineSafety(CHONGQING), id).statusCode(404);
        read(Tokens.unit(sichuanUnit), id).statusCode(404);
        read(Tokens.assessor(UUID.randomUUID()), id).statusCode(403);
        given().auth().oauth2(Tokens.provincial(CHONGQING)).get("/api/v1/incidents?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.provincial(SICHUAN)).queryParam("province", SICHUAN).queryParam("status", "OPEN")
                .queryParam("size", 200).get("/api/v1/incidents").then().statusCode(200).body("items.id", hasItem(id));

        String chemical = openId(Tokens.provincial(SICHUAN), incident("HAZARDOUS_CHEMICALS_ACCIDENT", SICHUAN));
        read(Tokens.mineSafety(SICHUAN), chemical).statusCode(404);
        read(Tokens.provincial(SICHUAN), chemical).statusCode(200);
    }

    @Test
    void theCommandCenterIsUpdatedWithTheIncidentsETagByTheLevelsThatManageIt() {
        String id = openId(Tokens.provincial(SICHUAN), incident("MINING_ACCIDENT", SICHUAN, CHONGQING));
        Map<String, Object> center = Map.of("commander", "李明", "contactPhone", "0830-7201119",
                "location", Map.of("lat", 28.19, "lon", 105.44), "address", "指挥车");
        given().auth().oauth2(Tokens.provincial(SICHUAN)).contentType(ContentType.JSON).body(center)
                .put("/api/v1/incidents/" + id + "/command-center").then().statusCode(428);
        given().auth().oauth2(Tokens.provincial(SICHUAN)).contentType(ContentType.JSON).body(center).header("If-Match", "\"7\"")
                .put("/api/v1/incidents/" + id + "/command-center").then().statusCode(412);
        // the second province sees the incident but does not manage it
        given().auth().oauth2(Tokens.provincial(CHONGQING)).contentType(ContentType.JSON).body(center).header("If-Match", "\"0\"")
                .put("/api/v1/incidents/" + id + "/command-center").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON).body(center).header("If-Match", "\"0\"")
                .put("/api/v1/incidents/" + id + "/command-center").then().statusCode(404);
        given().auth().oauth2(Tokens.provincial(SICHUAN)).contentType(ContentType.JSON).body(center).header("If-Match", "\"0\"")
                .put("/api/v1/incidents/" + id + "/command-center").then().statusCode(200).header("ETag", "\"1\"")
                .body("commandCenter.commander", equalTo("李明")).body("version", equalTo(1));
        given().auth().oauth2(Tokens.provincial(SICHUAN)).header("If-None-Match", "\"1\"").get("/api/v1/incidents/" + id)
                .then().statusCode(304);
        // containment: only from OPEN, with an optional If-Match
        contain(Tokens.provincial(SICHUAN), id, "\"0\"").statusCode(412);
        contain(Tokens.provincial(CHONGQING), id, null).statusCode(403);
        contain(Tokens.provincial(SICHUAN), id, "\"1\"").statusCode(200).body("status", equalTo("CONTAINED")).body("containedAt", notNullValue());
        contain(Tokens.national(), id, null).statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
    }

    /**
     * The national level mobilizes a Sichuan and a Chongqing team for one incident of both provinces: each province
     * sees the incident and its own team's order and timeline, never the other's order, members or reports; the
     * incident is reported on, contained, closed once every order is over, and found in the case base.
     */
    @Test
    void aTwoProvinceIncidentMobilizedByNationalIsSeenByEachProvinceThroughItsOwnTeam() {
        String sichuanMember = Registry.member(sichuanTeam, sichuanUnit);
        String chongqingMember = Registry.member(chongqingTeam, chongqingUnit);
        String lessons = "入井人员自救器检查流于形式" + UUID.randomUUID();
        Map<String, Object> body = incident("MINING_ACCIDENT", SICHUAN, CHONGQING);
        body.put("title", "川渝交界煤矿透水事故");
        String id = openId(Tokens.national(), body);

        // only national mobilizes across provinces; a province mobilizes its own team for an incident it is part of
        mobilize(Tokens.provincial(SICHUAN), chongqingTeam, id).statusCode(404);
        mobilize(Tokens.unit(sichuanUnit), sichuanTeam, id).statusCode(404); // no team of its engaged yet: not in sight
        mobilize(Tokens.provincial("140000"), sichuanTeam, id).statusCode(404);
        String sichuanOrder = mobilize(Tokens.national(), sichuanTeam, id).statusCode(201)
                .body("incidentId", equalTo(id)).body("task", equalTo("SEARCH_AND_RESCUE"))
                .body("incident.type", equalTo("MINING_ACCIDENT")).body("incident.province", equalTo(SICHUAN))
                .body("lateReportedSteps", empty()).extract().path("id");
        String chongqingOrder = mobilize(Tokens.national(), chongqingTeam, id).statusCode(201)
                .body("incident.province", equalTo(CHONGQING)).extract().path("id");
        // the unit now sees the incident through its team, but mobilizes only for incidents at its own enterprise
        UUID secondSichuanTeam = Registry.activeTeam(SICHUAN, "MINING", sichuanUnit);
        mobilize(Tokens.unit(sichuanUnit), secondSichuanTeam, id).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));

        // each province: the incident and its own order, not the other province's order or members
        for (String[] side : new String[][]{{SICHUAN, sichuanOrder, chongqingOrder, chongqingTeam.toString(), chongqingMember},
                {CHONGQING, chongqingOrder, sichuanOrder, sichuanTeam.toString(), sichuanMember}}) {
            String token = Tokens.provincial(side[0]);
            read(token, id).statusCode(200);
            given().auth().oauth2(token).get("/api/v1/mobilizations/" + side[1]).then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/mobilizations/" + side[2]).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/teams/" + side[3] + "/members").then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/members/" + side[4]).then().statusCode(404);
            String overview = given().auth().oauth2(token).get("/api/v1/incidents/" + id + "/overview").then().statusCode(200)
                    .body("engagedTeams", equalTo(2)).body("openOrders", equalTo(2))
                    .body("timelines", hasSize(1)).body("timelines[0].orderId", equalTo(side[1]))
                    .body("timelines[0].entries[0].kind", equalTo("ISSUED"))
                    .extract().asString();
            assertFalse(overview.contains(side[2]) || overview.contains(side[3]) || overview.contains(side[4]),
                    "the overview shows nothing of the other province's team: " + overview);
            given().auth().oauth2(token).queryParam("incidentId", id).get("/api/v1/mobilizations").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(side[1]));
        }
        // the units see the incident through their own team only; another province does not see it at all
        given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/incidents/" + id + "/overview").then().statusCode(200)
                .body("timelines.orderId", equalTo(List.of(sichuanOrder)));
        given().auth().oauth2(Tokens.unit(chongqingUnit)).get("/api/v1/incidents?size=200").then().statusCode(200)
                .body("items.id", hasItem(id));
        read(Tokens.provincial("140000"), id).statusCode(404);
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/incidents/" + id + "/overview").then().statusCode(404);
        given().auth().oauth2(Tokens.national()).get("/api/v1/incidents/" + id + "/overview").then().statusCode(200)
                .body("timelines", hasSize(2));

        // situation reports: a team through its order, the command center through the levels that manage the incident
        report(Tokens.unit(sichuanUnit), id, Map.of("orderId", sichuanOrder, "rescuedAlive", 4, "rescuersInjured", 1,
                "needs", List.of(Map.of("kind", "EQUIPMENT", "item", "排水泵", "quantity", 2, "unit", "台")), "text", "已救出4人"))
                .statusCode(201).body("source", equalTo("TEAM")).body("teamId", equalTo(sichuanTeam.toString()))
                .body("needs[0].item", equalTo("排水泵")).body("reportedBy.level", equalTo("UNIT"));
        report(Tokens.unit(chongqingUnit), id, Map.of("orderId", chongqingOrder, "rescuedAlive", 2, "bodiesRecovered", 1))
                .statusCode(201);
        report(Tokens.unit(sichuanUnit), id, Map.of("orderId", chongqingOrder, "rescuedAlive", 1)).statusCode(404);
        report(Tokens.unit(sichuanUnit), id, Map.of("evacuated", 10)).statusCode(403);
        report(Tokens.provincial(CHONGQING), id, Map.of("evacuated", 10)).statusCode(403);
        report(Tokens.assessor(UUID.randomUUID()), id, Map.of("evacuated", 10)).statusCode(403);
        report(Tokens.national(), id, Map.of("evacuated", 35, "at", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .statusCode(400).body("errors.field", hasItem("at"));
        report(Tokens.national(), id, Map.of("evacuated", 35, "text", "周边居民已疏散")).statusCode(201)
                .body("source", equalTo("COMMAND_CENTER")).body("orderId", nullValue());
        given().auth().oauth2(Tokens.provincial(SICHUAN)).get("/api/v1/incidents/" + id + "/overview").then().statusCode(200)
                .body("totals.reports", equalTo(3)).body("totals.rescuedAlive", equalTo(6))
                .body("totals.bodiesRecovered", equalTo(1)).body("totals.evacuated", equalTo(35))
                .body("totals.rescuersInjured", equalTo(1))
                .body("timelines[0].entries.kind", hasItem("SITUATION_REPORT"))
                .body("commandCenterReports", hasSize(1));
        given().auth().oauth2(Tokens.provincial(SICHUAN)).get("/api/v1/incidents/" + id + "/situation-reports").then()
                .statusCode(200).body("total", equalTo(2)).body("items.orderId", not(hasItem(chongqingOrder)));

        // the figures of the incident: two orders, both acknowledged
        for (String order : List.of(sichuanOrder, chongqingOrder)) {
            step(Tokens.national(), order, "acknowledgement").statusCode(200);
        }
        given().auth().oauth2(Tokens.national()).queryParam("from", Instant.now().minus(1, ChronoUnit.HOURS).toString())
                .queryParam("to", Instant.now().plus(1, ChronoUnit.HOURS).toString()).queryParam("groupBy", "INCIDENT")
                .queryParam("incidentId", id).get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groups", hasSize(1)).body("groups[0].key", equalTo(id)).body("groups[0].incidentTitle", equalTo("川渝交界煤矿透水事故"))
                .body("groups[0].orders", equalTo(2)).body("groups[0].acknowledge.count", equalTo(2))
                .body("groups[0].lateReportedSteps", equalTo(0));
        given().auth().oauth2(Tokens.provincial(SICHUAN)).queryParam("from", Instant.now().minus(1, ChronoUnit.HOURS).toString())
                .queryParam("to", Instant.now().plus(1, ChronoUnit.HOURS).toString()).queryParam("groupBy", "INCIDENT")
                .queryParam("incidentId", id).get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groups[0].orders", equalTo(1));

        // closing: contained first, then every order over
        close(Tokens.national(), id, lessons).statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
        contain(Tokens.national(), id, null).statusCode(200);
        close(Tokens.provincial(CHONGQING), id, lessons).statusCode(403);
        close(Tokens.provincial(SICHUAN), id, lessons).statusCode(409).body("type", equalTo(PROBLEMS + "incident-has-open-orders"));
        for (String action : List.of("departure", "arrival", "completion")) {
            step(Tokens.unit(sichuanUnit), sichuanOrder, action).statusCode(200);
        }
        close(Tokens.provincial(SICHUAN), id, lessons).statusCode(409).body("type", equalTo(PROBLEMS + "incident-has-open-orders"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "险情已排除"))
                .post("/api/v1/mobilizations/" + chongqingOrder + "/cancellation").then().statusCode(200);
        close(Tokens.provincial(SICHUAN), id, lessons).statusCode(200).body("status", equalTo("CLOSED"))
                .body("lessonsLearned", equalTo(lessons)).body("summary", notNullValue()).body("closedAt", notNullValue());

        // a closed incident takes no more orders or reports
        mobilize(Tokens.national(), sichuanTeam, id).statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
        report(Tokens.national(), id, Map.of("evacuated", 1)).statusCode(409);

        // the case base: by text, type, category, province and year, in scope only
        int year = Instant.now().atZone(java.time.ZoneOffset.UTC).getYear();
        given().auth().oauth2(Tokens.provincial(CHONGQING)).queryParam("q", lessons.substring(4)).queryParam("type", "MINING_ACCIDENT")
                .queryParam("category", "PRODUCTION_SAFETY").queryParam("province", CHONGQING).queryParam("year", year)
                .get("/api/v1/incident-cases").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(Tokens.provincial(CHONGQING)).queryParam("q", lessons).queryParam("year", year - 1)
                .get("/api/v1/incident-cases").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.provincial(CHONGQING)).queryParam("q", lessons).queryParam("category", "NATURAL_DISASTER")
                .get("/api/v1/incident-cases").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("q", lessons)
                .get("/api/v1/incident-cases").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/incident-cases").then().statusCode(403);
    }

    /**
     * A situation report read alone, as the list shows it: the command center's to all who see the incident, a team's
     * to the levels whose scope covers the team; an unknown report, another incident's report and one out of scope are
     * not found. Its ETag follows the only thing of it that changes, the reporting team's name.
     */
    @Test
    void aSituationReportIsReadAloneByThoseWhoSeeItInTheList() {
        String id = openId(Tokens.national(), incident("MINING_ACCIDENT", SICHUAN, CHONGQING));
        String sichuanOrder = mobilize(Tokens.national(), sichuanTeam, id).statusCode(201).extract().path("id");
        String chongqingOrder = mobilize(Tokens.national(), chongqingTeam, id).statusCode(201).extract().path("id");
        var created = report(Tokens.unit(sichuanUnit), id, Map.of("orderId", sichuanOrder, "rescuedAlive", 4, "text", "已救出4人"))
                .statusCode(201).header("ETag", notNullValue()).extract();
        String sichuanReport = created.path("id");
        String etag = created.header("ETag");
        assertTrue(created.header("Location").endsWith("/api/v1/incidents/" + id + "/situation-reports/" + sichuanReport),
                created.header("Location"));
        String chongqingReport = report(Tokens.unit(chongqingUnit), id, Map.of("orderId", chongqingOrder, "bodiesRecovered", 1))
                .statusCode(201).extract().path("id");
        String centerReport = report(Tokens.national(), id, Map.of("evacuated", 35)).statusCode(201).extract().path("id");

        readReport(Tokens.provincial(SICHUAN), id, sichuanReport).statusCode(200).header("ETag", etag)
                .body("id", equalTo(sichuanReport)).body("incidentId", equalTo(id)).body("source", equalTo("TEAM"))
                .body("orderId", equalTo(sichuanOrder)).body("teamId", equalTo(sichuanTeam.toString())).body("teamName", notNullValue())
                .body("rescuedAlive", equalTo(4)).body("text", equalTo("已救出4人")).body("reportedBy.level", equalTo("UNIT"));
        readReport(Tokens.provincial(SICHUAN), id, centerReport).statusCode(200).header("ETag", notNullValue())
                .body("source", equalTo("COMMAND_CENTER")).body("evacuated", equalTo(35)).body("teamName", nullValue());
        readReport(Tokens.provincial(SICHUAN), id, chongqingReport).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        readReport(Tokens.provincial(CHONGQING), id, chongqingReport).statusCode(200).body("bodiesRecovered", equalTo(1));
        readReport(Tokens.provincial(CHONGQING), id, sichuanReport).statusCode(404);
        readReport(Tokens.unit(sichuanUnit), id, centerReport).statusCode(200);
        readReport(Tokens.unit(sichuanUnit), id, chongqingReport).statusCode(404);
        readReport(Tokens.national(), id, chongqingReport).statusCode(200);
        // the incident out of sight, an unknown report, a report of another incident
        readReport(Tokens.provincial("140000"), id, centerReport).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        readReport(Tokens.national(), id, UUID.randomUUID().toString()).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        String other = openId(Tokens.national(), incident("MINING_ACCIDENT", SICHUAN));
        readReport(Tokens.national(), other, sichuanReport).statusCode(404);
        readReport(Tokens.national(), id, "not-a-uuid").statusCode(400).body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("reportId"));
        // levels that read no incidents, and no token
        readReport(Tokens.assessor(UUID.randomUUID()), id, sichuanReport).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        readReport(Tokens.service(), id, sichuanReport).statusCode(403);
        given().get("/api/v1/incidents/" + id + "/situation-reports/" + sichuanReport).then().statusCode(401);

        // conditional read: the same report answers 304 until its team is renamed
        given().auth().oauth2(Tokens.provincial(SICHUAN)).header("If-None-Match", etag)
                .get("/api/v1/incidents/" + id + "/situation-reports/" + sichuanReport).then().statusCode(304);
        String teamTag = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + sichuanTeam).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> profile = Map.of("name", "四川矿山救援队" + UUID.randomUUID().toString().substring(0, 8),
                "specialties", List.of("MINE_FIRE"), "baseLocation", Map.of("lat", 28.2147, "lon", 104.9658),
                "baseCity", "宜宾市", "dutyPhone", "0831-4561119");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", teamTag).body(profile)
                .put("/api/v1/teams/" + sichuanTeam).then().statusCode(200);
        given().auth().oauth2(Tokens.provincial(SICHUAN)).header("If-None-Match", etag)
                .get("/api/v1/incidents/" + id + "/situation-reports/" + sichuanReport).then().statusCode(200)
                .header("ETag", not(equalTo(etag))).body("teamName", equalTo(profile.get("name")));
    }

    @Test
    void aProvinceMobilizesOnlyForAnIncidentOfItsProvinceAndNationalAcrossProvinces() {
        String chongqingOnly = openId(Tokens.national(), incident("MINING_ACCIDENT", CHONGQING));
        mobilize(Tokens.provincial(SICHUAN), sichuanTeam, chongqingOnly).statusCode(404); // does not see the incident
        mobilize(Tokens.national(), sichuanTeam, chongqingOnly).statusCode(201).body("incident.province", equalTo(CHONGQING));
        // Sichuan now sees the incident through its team, but sending another of its teams is cross-province
        UUID secondSichuanTeam = Registry.activeTeam(SICHUAN, "MINING", sichuanUnit);
        read(Tokens.provincial(SICHUAN), chongqingOnly).statusCode(200);
        mobilize(Tokens.provincial(SICHUAN), secondSichuanTeam, chongqingOnly).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        mobilize(Tokens.provincial(CHONGQING), chongqingTeam, chongqingOnly).statusCode(201);
        mobilize(Tokens.mineSafety(CHONGQING), chongqingTeam, chongqingOnly).statusCode(409)
                .body("type", equalTo(PROBLEMS + "open-mobilization-exists"));
        mobilize(Tokens.assessor(UUID.randomUUID()), chongqingTeam, chongqingOnly).statusCode(403);
    }

    @Test
    void anOrderIssuedTheFormerWayGetsAnIncidentOfItsOwn() {
        Map<String, Object> facts = new HashMap<>(Map.of("type", "GAS_EXPLOSION", "severity", "MAJOR", "province", SICHUAN,
                "location", Map.of("lat", 28.1862, "lon", 105.4411), "description", "井下采煤工作面发生瓦斯爆炸，12人被困"));
        String incidentId = given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON)
                .body(Map.of("teamId", sichuanTeam.toString(), "incident", facts, "task", "GAS_CONTROL"))
                .post("/api/v1/mobilizations").then().statusCode(201).body("incidentId", notNullValue())
                .body("task", equalTo("GAS_CONTROL")).body("incident.type", equalTo("GAS_EXPLOSION")).extract().path("incidentId");
        read(Tokens.unit(sichuanUnit), incidentId).statusCode(200).body("type", equalTo("MINING_ACCIDENT"))
                .body("title", equalTo("井下采煤工作面发生瓦斯爆炸，12人被困")).body("supportingUnitId", equalTo(sichuanUnit.toString()))
                .body("status", equalTo("OPEN")).body("openedBy.level", equalTo("UNIT"));
        // both an incident and its facts, or neither, is refused
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Map.of("teamId", chongqingTeam.toString(), "incident", facts, "incidentId", incidentId))
                .post("/api/v1/mobilizations").then().statusCode(400).body("errors.field", hasItem("incidentId"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("teamId", chongqingTeam.toString()))
                .post("/api/v1/mobilizations").then().statusCode(400).body("errors.field", hasItem("incidentId"));
    }

    @Test
    void theChangeFeedShowsAnIncidentToItsProvincesAndThenToTheLevelsOfItsEngagedTeams() {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("sichuan", Tokens.provincial(SICHUAN));
        tokens.put("chongqing", Tokens.provincial(CHONGQING));
        tokens.put("shanxi", Tokens.provincial("140000"));
        tokens.put("sichuan unit", Tokens.unit(sichuanUnit));
        tokens.put("chongqing unit", Tokens.unit(chongqingUnit));
        Map<String, String> cursors = new HashMap<>();
        tokens.forEach((name, token) -> cursors.put(name, given().auth().oauth2(token).get("/api/v1/changes/cursor").then()
                .statusCode(200).extract().path("cursor")));
        String id = openId(Tokens.national(), incident("MINING_ACCIDENT", SICHUAN, CHONGQING));
        mobilize(Tokens.national(), sichuanTeam, id).statusCode(201);
        Map<String, List<String>> seen = new HashMap<>();
        tokens.forEach((name, token) -> seen.put(name, given().auth().oauth2(token).queryParam("after", cursors.get(name))
                .queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.entityId == '" + id + "' }.type", String.class)));
        assertTrue(seen.get("sichuan").containsAll(List.of("incident.opened", "incident.team-engaged")), seen.toString());
        assertTrue(seen.get("chongqing").containsAll(List.of("incident.opened", "incident.team-engaged")), seen.toString());
        assertTrue(seen.get("shanxi").isEmpty(), "another province sees nothing of it: " + seen);
        assertTrue(seen.get("sichuan unit").equals(List.of("incident.team-engaged")),
                "the unit sees the incident from the change that engaged its team: " + seen);
        assertTrue(seen.get("chongqing unit").isEmpty(), "no team of its is engaged: " + seen);
    }

    @Test
    void theChangeFeedShowsAnIncidentToEveryProvinceAndUnitOfItsEngagedTeamsAsItsReadRuleDoes() {
        String shanxi = "140000";
        UUID shanxiUnit = Registry.unit(shanxi);
        UUID shanxiTeam = Registry.activeTeam(shanxi, "HAZARDOUS_CHEMICALS", shanxiUnit);
        UUID chongqingChemicals = Registry.activeTeam(CHONGQING, "HAZARDOUS_CHEMICALS", chongqingUnit);
        UUID unrelatedUnit = Registry.unit(SICHUAN);
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("sichuan", Tokens.provincial(SICHUAN));
        tokens.put("chongqing", Tokens.provincial(CHONGQING));
        tokens.put("shanxi", Tokens.provincial(shanxi));
        tokens.put("guizhou", Tokens.provincial("520000"));
        tokens.put("sichuan mine safety", Tokens.mineSafety(SICHUAN));
        tokens.put("chongqing mine safety", Tokens.mineSafety(CHONGQING));
        tokens.put("shanxi mine safety", Tokens.mineSafety(shanxi));
        tokens.put("sichuan unit", Tokens.unit(sichuanUnit));
        tokens.put("chongqing unit", Tokens.unit(chongqingUnit));
        tokens.put("shanxi unit", Tokens.unit(shanxiUnit));
        tokens.put("unrelated unit", Tokens.unit(unrelatedUnit));
        Map<String, String> cursors = new HashMap<>();
        tokens.forEach((name, token) -> cursors.put(name, given().auth().oauth2(token).get("/api/v1/changes/cursor").then()
                .statusCode(200).extract().path("cursor")));

        // a flood in Sichuan and Chongqing; engaged: a mining team of Sichuan, chemicals teams of Chongqing and Shanxi
        String id = openId(Tokens.national(), incident("FLOOD", SICHUAN, CHONGQING));
        mobilize(Tokens.national(), sichuanTeam, id).statusCode(201);
        mobilize(Tokens.national(), chongqingChemicals, id).statusCode(201);
        mobilize(Tokens.national(), shanxiTeam, id).statusCode(201);
        String etag = read(Tokens.national(), id).statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("commander", "李明", "contactPhone", "0830-7201119", "location", Map.of("lat", 28.19, "lon", 105.44)))
                .put("/api/v1/incidents/" + id + "/command-center").then().statusCode(200);

        Map<String, List<String>> seen = new HashMap<>();
        tokens.forEach((name, token) -> seen.put(name, given().auth().oauth2(token).queryParam("after", cursors.get(name))
                .queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.entityId == '" + id + "' }.type", String.class)));
        String engaged = "incident.team-engaged";
        List<String> everything = List.of("incident.opened", engaged, engaged, engaged, "incident.updated");
        assertEquals(everything, seen.get("sichuan"), seen.toString());
        assertEquals(everything, seen.get("chongqing"), seen.toString());
        assertEquals(List.of(engaged, "incident.updated"), seen.get("shanxi"),
                "the third province sees the incident from the change that engaged its team: " + seen);
        assertEquals(List.of(engaged, engaged, engaged, "incident.updated"), seen.get("sichuan mine safety"),
                "a mining team of its province is engaged: " + seen);
        assertEquals(List.of(engaged, engaged, engaged, "incident.updated"), seen.get("sichuan unit"), seen.toString());
        assertEquals(List.of(engaged, engaged, "incident.updated"), seen.get("chongqing unit"), seen.toString());
        assertEquals(List.of(engaged, "incident.updated"), seen.get("shanxi unit"), seen.toString());
        for (String outside : List.of("guizhou", "chongqing mine safety", "shanxi mine safety", "unrelated unit")) {
            assertTrue(seen.get(outside).isEmpty(), outside + " may not read it: " + seen);
        }
        // exactly the callers who may read the incident
        tokens.forEach((name, token) -> read(token, id).statusCode(seen.get(name).isEmpty() ? 404 : 200));
    }

    @Test
    void aRetriedOpeningWithTheSameIdempotencyKeyOpensOneIncident() {
        String key = "incident-" + UUID.randomUUID();
        Map<String, Object> body = incident("MINING_ACCIDENT", SICHUAN);
        String first = given().auth().oauth2(Tokens.provincial(SICHUAN)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.provincial(SICHUAN)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/incidents").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    static Map<String, Object> incident(String type, String... provinces) {
        return new HashMap<>(Map.of("type", type, "title", "古蔺县石屏镇某煤矿瓦斯爆炸事故", "severity", "MAJOR",
                "provinces", List.of(provinces), "location", Map.of("lat", 28.1862, "lon", 105.4411),
                "address", "四川省泸州市古蔺县石屏镇某煤矿", "occurredAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString()));
    }

    static ValidatableResponse open(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/incidents").then();
    }

    static String openId(String token, Map<String, Object> body) {
        return open(token, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse read(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/incidents/" + id).then();
    }

    static ValidatableResponse readReport(String token, String incident, String report) {
        return given().auth().oauth2(token).get("/api/v1/incidents/" + incident + "/situation-reports/" + report).then();
    }

    static ValidatableResponse mobilize(String token, UUID team, String incident) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("teamId", team.toString(), "incidentId", incident, "task", "SEARCH_AND_RESCUE"))
                .post("/api/v1/mobilizations").then();
    }

    static ValidatableResponse report(String token, String incident, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/incidents/" + incident + "/situation-reports").then();
    }

    static ValidatableResponse step(String token, String order, String action) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/mobilizations/" + order + "/" + action).then();
    }

    static ValidatableResponse contain(String token, String id, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/incidents/" + id + "/containment").then();
    }

    static ValidatableResponse close(String token, String id, String lessons) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("summary", "12名被困人员中10人生还获救，2人遇难", "lessonsLearned", lessons))
                .post("/api/v1/incidents/" + id + "/closure").then();
    }
}
