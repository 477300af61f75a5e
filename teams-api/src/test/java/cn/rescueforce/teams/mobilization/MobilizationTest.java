package cn.rescueforce.teams.mobilization;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MobilizationTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";

    UUID sichuanUnit;
    UUID miningTeam;
    UUID chemicalTeam;

    @BeforeEach
    void registry() {
        sichuanUnit = Registry.unit("510000");
        miningTeam = Registry.activeTeam("510000", "MINING", sichuanUnit);
        chemicalTeam = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", sichuanUnit);
    }

    @Test
    void provincialMobilizesATeamOfItsProvinceAndTheTeamGoesOnMission() {
        issue(Tokens.provincial("510000"), miningTeam, "510000").statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/mobilizations/"))
                .body("status", equalTo("ISSUED")).body("teamId", equalTo(miningTeam.toString()))
                .body("teamProvince", equalTo("510000")).body("teamCategory", equalTo("MINING"))
                .body("issuedBy.level", equalTo("PROVINCIAL")).body("issuedBy.region", equalTo("510000"))
                .body("incident.type", equalTo("GAS_EXPLOSION")).body("issuedAt", notNullValue())
                .body("acknowledgedAt", nullValue());
        readiness(miningTeam, "ON_MISSION");
    }

    @Test
    void eachLevelMobilizesOnlyTheTeamsInItsScope() {
        issue(Tokens.provincial("140000"), miningTeam, "510000").statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        issue(Tokens.mineSafety("510000"), chemicalTeam, "510000").statusCode(404);
        issue(Tokens.mineSafety("140000"), miningTeam, "510000").statusCode(404);
        issue(Tokens.unit(UUID.randomUUID()), miningTeam, "510000").statusCode(404);
        issue(Tokens.assessor(UUID.randomUUID()), miningTeam, "510000").statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        issue(Tokens.service(), miningTeam, "510000").statusCode(403);
        given().contentType(ContentType.JSON).body(order(miningTeam, "510000")).post("/api/v1/mobilizations").then().statusCode(401);
        readiness(miningTeam, "STANDBY");

        String mineSafetyOrder = issue(Tokens.mineSafety("510000"), miningTeam, "510000").statusCode(201)
                .body("issuedBy.level", equalTo("MINE_SAFETY")).extract().path("id");
        cancel(Tokens.mineSafety("510000"), mineSafetyOrder).statusCode(200);
        String unitOrder = issue(Tokens.unit(sichuanUnit), miningTeam, "510000").statusCode(201)
                .body("issuedBy.level", equalTo("UNIT")).body("issuedBy.org", equalTo(sichuanUnit.toString())).extract().path("id");
        cancel(Tokens.unit(sichuanUnit), unitOrder).statusCode(200);
        issue(Tokens.national(), chemicalTeam, "510000").statusCode(201).body("issuedBy.level", equalTo("NATIONAL"));
    }

    @Test
    void aCrossProvinceOrderNeedsTheNationalLevel() {
        issue(Tokens.provincial("510000"), miningTeam, "500000").statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        issue(Tokens.unit(sichuanUnit), miningTeam, "500000").statusCode(403);
        issue(Tokens.national(), miningTeam, "500000").statusCode(201).body("incident.province", equalTo("500000"));
    }

    @Test
    void aTeamHasAtMostOneOpenOrder() {
        issue(Tokens.provincial("510000"), miningTeam, "510000").statusCode(201);
        issue(Tokens.national(), miningTeam, "510000").statusCode(409).body("type", equalTo(PROBLEMS + "open-mobilization-exists"));
    }

    @Test
    void ordersRacingForOneTeamLeaveExactlyOneOpenOrder() throws Exception {
        String token = Tokens.national();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Callable<Integer> racer = () -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).body(order(miningTeam, "510000"))
                        .post("/api/v1/mobilizations").then().extract().statusCode();
            };
            results.add(pool.submit(racer));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
        assertEquals(racers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        given().auth().oauth2(token).queryParam("teamId", miningTeam.toString()).get("/api/v1/mobilizations")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theOrderMovesForwardOneStepAtATimeAndTheTeamRecovers() {
        String id = issue(Tokens.provincial("510000"), miningTeam, "510000").statusCode(201).extract().path("id");
        step(Tokens.unit(sichuanUnit), id, "departure").statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
        step(Tokens.unit(sichuanUnit), id, "acknowledgement").statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", notNullValue());
        step(Tokens.unit(sichuanUnit), id, "acknowledgement").statusCode(409);
        step(Tokens.unit(sichuanUnit), id, "departure").statusCode(200).body("status", equalTo("EN_ROUTE")).body("departedAt", notNullValue());
        step(Tokens.mineSafety("510000"), id, "arrival").statusCode(200).body("status", equalTo("ON_SITE")).body("arrivedAt", notNullValue());
        readiness(miningTeam, "ON_MISSION");
        step(Tokens.unit(sichuanUnit), id, "completion").statusCode(200).body("status", equalTo("COMPLETED"))
                .body("completedAt", notNullValue()).body("version", equalTo(4));
        readiness(miningTeam, "RECOVERING");
        step(Tokens.unit(sichuanUnit), id, "arrival").statusCode(409);
        cancel(Tokens.national(), id).statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));

        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).body(Map.of("readiness", "STANDBY"))
                .post("/api/v1/teams/" + miningTeam + "/readiness").then().statusCode(200).body("readiness", equalTo("STANDBY"));
        issue(Tokens.provincial("510000"), miningTeam, "510000").statusCode(201);
    }

    @Test
    void stepsAreReportedOnlyInScope() {
        String id = issue(Tokens.national(), miningTeam, "510000").statusCode(201).extract().path("id");
        step(Tokens.provincial("140000"), id, "acknowledgement").statusCode(404);
        step(Tokens.mineSafety("140000"), id, "acknowledgement").statusCode(404);
        step(Tokens.unit(UUID.randomUUID()), id, "acknowledgement").statusCode(404);
        step(Tokens.assessor(UUID.randomUUID()), id, "acknowledgement").statusCode(403);
        step(Tokens.service(), id, "acknowledgement").statusCode(403);
        given().contentType(ContentType.JSON).post("/api/v1/mobilizations/" + id + "/acknowledgement").then().statusCode(401);
        step(Tokens.provincial("510000"), id, "acknowledgement").statusCode(200);
        step(Tokens.national(), id, "departure").statusCode(200);
    }

    @Test
    void aReportedTimeCannotBeInTheFutureNorBeforeThePreviousStep() {
        Instant alarm = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String id = issue(Tokens.provincial("510000"), miningTeam, "510000", alarm).statusCode(201)
                .body("alarmAt", equalTo(alarm.toString())).extract().path("id");
        stepAt(Tokens.unit(sichuanUnit), id, "acknowledgement", alarm.minusSeconds(5)).statusCode(400).body("errors.field", hasItem("at"));
        stepAt(Tokens.unit(sichuanUnit), id, "acknowledgement", Instant.now().plus(1, ChronoUnit.HOURS)).statusCode(400)
                .body("errors.field", hasItem("at"));
        stepAt(Tokens.unit(sichuanUnit), id, "acknowledgement", alarm.plusSeconds(20)).statusCode(200)
                .body("acknowledgedAt", equalTo(alarm.plusSeconds(20).toString()));
        stepAt(Tokens.unit(sichuanUnit), id, "departure", alarm.plusSeconds(10)).statusCode(400).body("errors.field", hasItem("at"));
    }

    @Test
    void onlyTheIssuingAuthorityOrNationalCancels() {
        String id = issue(Tokens.provincial("510000"), miningTeam, "510000").statusCode(201).extract().path("id");
        cancel(Tokens.unit(sichuanUnit), id).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        cancel(Tokens.mineSafety("510000"), id).statusCode(403);
        cancel(Tokens.provincial("140000"), id).statusCode(404);
        cancel(Tokens.assessor(UUID.randomUUID()), id).statusCode(403);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/mobilizations/" + id + "/cancellation").then().statusCode(400).body("errors.field", hasItem("reason"));
        // another official of the same department is the same authority
        given().auth().oauth2(cn.rescueforce.devkit.DevToken.level("provincial").region("510000").subject("sc-em-dept-07").sign())
                .contentType(ContentType.JSON).body(Map.of("reason", "险情已排除，取消调动"))
                .post("/api/v1/mobilizations/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("险情已排除，取消调动"))
                .body("cancelledAt", notNullValue());
        readiness(miningTeam, "STANDBY");

        String byUnit = issue(Tokens.unit(sichuanUnit), miningTeam, "510000").statusCode(201).extract().path("id");
        cancel(Tokens.provincial("510000"), byUnit).statusCode(403);
        cancel(Tokens.national(), byUnit).statusCode(200);
    }

    @Test
    void ordersAreReadAndListedInScopeOnly() {
        String id = issue(Tokens.provincial("510000"), chemicalTeam, "510000").statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/mobilizations/" + id).then().statusCode(200)
                .body("teamName", notNullValue()).extract().header("ETag");
        given().auth().oauth2(Tokens.unit(sichuanUnit)).header("If-None-Match", etag).get("/api/v1/mobilizations/" + id).then().statusCode(304);
        given().auth().oauth2(Tokens.national()).get("/api/v1/mobilizations/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.mineSafety("510000")).get("/api/v1/mobilizations/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/mobilizations/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/mobilizations/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/mobilizations/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.national()).get("/api/v1/mobilizations/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.national()).get("/api/v1/mobilizations/not-a-uuid").then().statusCode(400);

        given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/mobilizations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200).get("/api/v1/mobilizations").then().statusCode(200)
                .body("items.teamProvince", everyItem(equalTo("510000"))).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.mineSafety("510000")).queryParam("size", 200).get("/api/v1/mobilizations").then().statusCode(200)
                .body("items.teamCategory", everyItem(equalTo("MINING")));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/mobilizations").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.national()).queryParam("teamId", chemicalTeam.toString()).queryParam("status", "ISSUED")
                .get("/api/v1/mobilizations").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(Tokens.national()).queryParam("status", "PARKED").get("/api/v1/mobilizations").then().statusCode(400);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/mobilizations").then().statusCode(403);
        given().get("/api/v1/mobilizations").then().statusCode(401);
    }

    @Test
    void anOrderNamesEveryInvalidFieldAndNeedsAnAvailableTeamOfTheSequence() {
        Map<String, Object> bad = order(miningTeam, "510000");
        @SuppressWarnings("unchecked")
        Map<String, Object> incident = new HashMap<>((Map<String, Object>) bad.get("incident"));
        incident.put("severity", "CATASTROPHIC");
        bad.put("incident", incident);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(bad).post("/api/v1/mobilizations")
                .then().statusCode(400).body("errors.field", hasItem("incident.severity"));
        incident.put("severity", "MAJOR");
        incident.remove("description");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(bad).post("/api/v1/mobilizations")
                .then().statusCode(400).body("errors.field", hasItem("incident.description"));
        issue(Tokens.national(), miningTeam, "990000").statusCode(400);
        issue(Tokens.national(), miningTeam, "510000", Instant.now().plus(2, ChronoUnit.HOURS)).statusCode(400)
                .body("errors.field", hasItem("incident.alarmAt"));

        UUID proposed = Registry.team("510000", "MINING", sichuanUnit);
        issue(Tokens.national(), proposed, "510000").statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).body(Map.of("readiness", "UNAVAILABLE"))
                .post("/api/v1/teams/" + chemicalTeam + "/readiness").then().statusCode(200);
        issue(Tokens.national(), chemicalTeam, "510000").statusCode(409).body("type", equalTo(PROBLEMS + "team-unavailable"));
        issue(Tokens.national(), UUID.randomUUID(), "510000").statusCode(404);
    }

    @Test
    void aRetriedOrderWithTheSameIdempotencyKeyIsIssuedOnce() {
        String first = given().auth().oauth2(Tokens.national()).header("Idempotency-Key", "order-" + miningTeam)
                .contentType(ContentType.JSON).body(order(miningTeam, "510000")).post("/api/v1/mobilizations")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.national()).header("Idempotency-Key", "order-" + miningTeam)
                .contentType(ContentType.JSON).body(order(miningTeam, "510000")).post("/api/v1/mobilizations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void responseFiguresGiveMediansPercentilesAndLateDeparturesPerTeamProvinceAndCategory() {
        Instant alarm = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // first order: acknowledged after 20 s, departed after 90 s (late for mine rescue), on site after 30 min
        String late = issue(Tokens.unit(sichuanUnit), miningTeam, "510000", alarm).statusCode(201).extract().path("id");
        stepAt(Tokens.unit(sichuanUnit), late, "acknowledgement", alarm.plusSeconds(20)).statusCode(200);
        stepAt(Tokens.unit(sichuanUnit), late, "departure", alarm.plusSeconds(90)).statusCode(200);
        stepAt(Tokens.unit(sichuanUnit), late, "arrival", alarm.plusSeconds(1800)).statusCode(200);
        stepAt(Tokens.unit(sichuanUnit), late, "completion", alarm.plusSeconds(7000)).statusCode(200);
        // second order: acknowledged after 10 s, departed after 40 s, cancelled on the way
        Instant alarm2 = alarm.plusSeconds(3600);
        String onTime = issue(Tokens.unit(sichuanUnit), miningTeam, "510000", alarm2).statusCode(201).extract().path("id");
        stepAt(Tokens.unit(sichuanUnit), onTime, "acknowledgement", alarm2.plusSeconds(10)).statusCode(200);
        stepAt(Tokens.unit(sichuanUnit), onTime, "departure", alarm2.plusSeconds(40)).statusCode(200);
        cancel(Tokens.unit(sichuanUnit), onTime).statusCode(200);

        String from = alarm.minusSeconds(60).toString();
        String to = Instant.now().plusSeconds(60).toString();
        given().auth().oauth2(Tokens.unit(sichuanUnit)).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groupBy", equalTo("TEAM")).body("groups", hasSize(1))
                .body("groups[0].key", equalTo(miningTeam.toString())).body("groups[0].teamName", notNullValue())
                .body("groups[0].orders", equalTo(2))
                .body("groups[0].acknowledge.count", equalTo(2))
                .body("groups[0].acknowledge.medianSeconds", equalTo(15.0f))
                .body("groups[0].acknowledge.p90Seconds", equalTo(19.0f))
                .body("groups[0].departure.medianSeconds", equalTo(65.0f))
                .body("groups[0].departure.p90Seconds", equalTo(85.0f))
                .body("groups[0].arrival.count", equalTo(1))
                .body("groups[0].arrival.medianSeconds", equalTo(1800.0f))
                .body("groups[0].lateDepartures", hasSize(1))
                .body("groups[0].lateDepartures[0].orderId", equalTo(late))
                .body("groups[0].lateDepartures[0].departureSeconds", equalTo(90.0f))
                .body("groups[0].lateDepartures[0].expectedSeconds", equalTo(60));

        given().auth().oauth2(Tokens.provincial("510000")).queryParam("from", from).queryParam("to", to).queryParam("groupBy", "PROVINCE")
                .get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groups.key", everyItem(equalTo("510000"))).body("groups[0].lateDepartures.orderId", hasItem(late));
        given().auth().oauth2(Tokens.mineSafety("510000")).queryParam("from", from).queryParam("to", to).queryParam("groupBy", "CATEGORY")
                .get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groups.key", everyItem(equalTo("MINING")));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groups.key", org.hamcrest.Matchers.not(hasItem(miningTeam.toString())));
        given().auth().oauth2(Tokens.national()).queryParam("from", to).queryParam("to", from)
                .get("/api/v1/mobilizations/response-figures").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(Tokens.national()).queryParam("to", to)
                .get("/api/v1/mobilizations/response-figures").then().statusCode(400);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/mobilizations/response-figures").then().statusCode(403);
        given().queryParam("from", from).queryParam("to", to).get("/api/v1/mobilizations/response-figures").then().statusCode(401);
    }

    @Test
    void aStepReportedLaterWithItsTimeIsAcceptedWithinTheWindowFlaggedAndLeftOutOfTheFiguresOnRequest() {
        Instant alarm = Instant.now().minus(30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String id = issue(Tokens.unit(sichuanUnit), chemicalTeam, "510000", alarm).statusCode(201).extract().path("id");
        occurred(Tokens.unit(sichuanUnit), id, "acknowledgement", alarm.plusSeconds(60)).statusCode(400)
                .body("errors.field", hasItem("occurredAt"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("late-report window")));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON)
                .body(Map.of("at", Instant.now().toString(), "occurredAt", Instant.now().toString()))
                .post("/api/v1/mobilizations/" + id + "/acknowledgement").then().statusCode(400).body("errors.field", hasItem("at"));
        Instant acknowledged = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        occurred(Tokens.unit(sichuanUnit), id, "acknowledgement", acknowledged).statusCode(200)
                .body("acknowledgedAt", equalTo(acknowledged.toString())).body("lateReportedSteps", equalTo(List.of("ACKNOWLEDGED")));
        occurred(Tokens.unit(sichuanUnit), id, "departure", Instant.now().plus(1, ChronoUnit.HOURS)).statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        occurred(Tokens.unit(sichuanUnit), id, "departure", acknowledged.minusSeconds(1)).statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        step(Tokens.unit(sichuanUnit), id, "departure").statusCode(200).body("lateReportedSteps", equalTo(List.of("ACKNOWLEDGED")));

        String from = alarm.minusSeconds(1).toString();
        String to = alarm.plusSeconds(1).toString();
        given().auth().oauth2(Tokens.unit(sichuanUnit)).queryParam("from", from).queryParam("to", to)
                .queryParam("category", "HAZARDOUS_CHEMICALS").get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groups", hasSize(1)).body("groups[0].lateReportedSteps", equalTo(1))
                .body("groups[0].acknowledge.count", equalTo(1)).body("groups[0].departure.count", equalTo(1));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).queryParam("from", from).queryParam("to", to)
                .queryParam("category", "HAZARDOUS_CHEMICALS").queryParam("excludeLateReported", true)
                .get("/api/v1/mobilizations/response-figures").then().statusCode(200)
                .body("groups[0].lateReportedSteps", equalTo(1))
                .body("groups[0].acknowledge.count", equalTo(0)).body("groups[0].departure.count", equalTo(1));
    }

    private ValidatableResponse occurred(String token, String order, String action, Instant occurredAt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("occurredAt", occurredAt.toString()))
                .post("/api/v1/mobilizations/" + order + "/" + action).then();
    }

    static Map<String, Object> order(UUID team, String incidentProvince) {
        return order(team, incidentProvince, null);
    }

    static Map<String, Object> order(UUID team, String incidentProvince, Instant alarmAt) {
        Map<String, Object> incident = new HashMap<>(Map.of("type", "GAS_EXPLOSION", "severity", "MAJOR", "province", incidentProvince,
                "location", Map.of("lat", 28.1862, "lon", 105.4411), "address", "四川省泸州市古蔺县石屏镇某煤矿",
                "description", "井下采煤工作面发生瓦斯爆炸，12人被困"));
        if (alarmAt != null) {
            incident.put("alarmAt", alarmAt.toString());
        }
        return new HashMap<>(Map.of("teamId", team.toString(), "incident", incident));
    }

    private ValidatableResponse issue(String token, UUID team, String incidentProvince) {
        return issue(token, team, incidentProvince, null);
    }

    private ValidatableResponse issue(String token, UUID team, String incidentProvince, Instant alarmAt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(order(team, incidentProvince, alarmAt))
                .post("/api/v1/mobilizations").then();
    }

    private ValidatableResponse step(String token, String order, String action) {
        // the body is optional: a step without one is dated now
        return given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/mobilizations/" + order + "/" + action).then();
    }

    private ValidatableResponse stepAt(String token, String order, String action, Instant at) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("at", at.toString(), "note", "值班小队已出动"))
                .post("/api/v1/mobilizations/" + order + "/" + action).then();
    }

    private ValidatableResponse cancel(String token, String order) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "险情已排除，取消调动"))
                .post("/api/v1/mobilizations/" + order + "/cancellation").then();
    }

    private void readiness(UUID team, String expected) {
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).body("readiness", equalTo(expected));
    }
}
