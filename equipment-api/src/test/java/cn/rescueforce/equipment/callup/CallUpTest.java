package cn.rescueforce.equipment.callup;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CallUpTest {

    @Test
    void aCallUpIsRequestedApprovedDispatchedAndClosedWithEveryStockChangeInTheLedger() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        String owner = Tokens.provincial("510000");
        UUID line = Fixtures.stock(owner, depot, 100, 10, null);
        UUID callUp = Fixtures.callUp(Tokens.unit(team.unitId()), depot, team.id(), line, 20);

        given().auth().oauth2(owner).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("provincial-510000")).header("ETag", "\"1\"");
        stockIs(owner, depot, 100, 20);
        given().auth().oauth2(owner).post("/api/v1/call-ups/" + callUp + "/dispatch").then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        stockIs(owner, depot, 80, 0);
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", "close-" + callUp)
                .body(Map.of("lines", List.of(Map.of("stockLineId", line.toString(), "returnedQuantity", 6))))
                .post("/api/v1/call-ups/" + callUp + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("lines[0].returnedQuantity", equalTo(6))
                .body("lines[0].consumedQuantity", equalTo(14));
        stockIs(owner, depot, 86, 0);
        given().auth().oauth2(owner).queryParam("callUpId", callUp).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.kind", hasItems("RESERVATION", "DISPATCH", "RETURN"))
                .body("items[0].kind", equalTo("RETURN")).body("items[0].quantityAfter", equalTo(86));
        given().auth().oauth2(owner).queryParam("depotId", depot).get("/api/v1/stock-ledger/reconciliation").then().statusCode(200)
                .body("consistent", equalTo(true)).body("linesChecked", equalTo(1)).body("entriesReplayed", equalTo(4));
    }

    @Test
    void approvalsRacingForTheLastUnitsNeverOversell() throws Exception {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        String owner = Tokens.provincial("510000");
        UUID line = Fixtures.stock(owner, depot, 10, 0, null);
        String requester = Tokens.unit(team.unitId());
        List<UUID> callUps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callUps.add(Fixtures.callUp(requester, depot, team.id(), line, 1));
        }

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(50)).build();
        ExecutorService senders = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (UUID callUp : callUps) {
            HttpRequest approval = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/call-ups/" + callUp + "/approval"))
                    .header("Authorization", "Bearer " + owner).POST(HttpRequest.BodyPublishers.noBody()).build();
            answers.add(senders.submit(() -> {
                start.await();
                return http.send(approval, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        int approved = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 200) {
                approved++;
            } else {
                assertEquals(409, response.statusCode(), response.body());
                assertTrue(response.body().contains(PROBLEMS + "insufficient-stock"), response.body());
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
                refused++;
            }
        }
        senders.shutdown();
        assertEquals(10, approved, "exactly the 10 units in stock are approved");
        assertEquals(40, refused);
        stockIs(owner, depot, 10, 10);
        given().auth().oauth2(owner).queryParam("depotId", depot).queryParam("status", "APPROVED").get("/api/v1/call-ups")
                .then().statusCode(200).body("total", equalTo(10));
        given().auth().oauth2(owner).queryParam("depotId", depot).get("/api/v1/stock-ledger/reconciliation").then().statusCode(200)
                .body("consistent", equalTo(true)).body("entriesReplayed", equalTo(11));
    }

    @Test
    void anApprovalBeyondTheAvailableStockIs409AndChangesNothing() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        String owner = Tokens.provincial("510000");
        UUID line = Fixtures.stock(owner, depot, 5, 0, null);
        UUID callUp = Fixtures.callUp(Tokens.unit(team.unitId()), depot, team.id(), line, 6);
        given().auth().oauth2(owner).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "insufficient-stock"));
        given().auth().oauth2(owner).get("/api/v1/call-ups/" + callUp).then().statusCode(200).body("status", equalTo("REQUESTED"));
        stockIs(owner, depot, 5, 0);
    }

    @Test
    void onlyTheDepotsOwnerDecidesAndOthersSee403Or404() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID nationalDepot = Fixtures.nationalDepot();
        UUID line = Fixtures.stock(Tokens.national(), nationalDepot, 10, 0, null);
        UUID callUp = Fixtures.callUp(Tokens.provincial("510000"), nationalDepot, team.id(), line, 2);
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(team.unitId()), Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/call-ups/" + callUp).then().statusCode(200);
            given().auth().oauth2(token).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(403)
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
        for (String token : List.of(Tokens.provincial("140000"), Tokens.mineSafety("140000"), Tokens.unit(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/call-ups/" + callUp).then().statusCode(404);
            given().auth().oauth2(token).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(404);
            given().auth().oauth2(token).queryParam("size", 200).get("/api/v1/call-ups").then().statusCode(200)
                    .body("items.id", not(hasItem(callUp.toString())));
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/call-ups/" + callUp).then().statusCode(403);
        given().auth().oauth2(Tokens.national()).post("/api/v1/call-ups/" + callUp + "/dispatch").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "库存优先保障重大事故"))
                .post("/api/v1/call-ups/" + callUp + "/rejection").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(Tokens.national()).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
    }

    @Test
    void theRequesterCancelsAndAnApprovedReservationIsReleased() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.unitDepot("510000", team.unitId());
        String unit = Tokens.unit(team.unitId());
        UUID line = Fixtures.stock(unit, depot, 10, 0, null);
        UUID callUp = Fixtures.callUp(Tokens.provincial("510000"), depot, team.id(), line, 4);
        given().auth().oauth2(unit).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(200);
        stockIs(unit, depot, 10, 4);
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Map.of("reason", "撤销"))
                .post("/api/v1/call-ups/" + callUp + "/cancellation").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Map.of("reason", "险情已排除，无需调用"))
                .post("/api/v1/call-ups/" + callUp + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"));
        stockIs(unit, depot, 10, 0);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "再次撤销"))
                .post("/api/v1/call-ups/" + callUp + "/cancellation").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/call-ups/" + callUp + "/cancellation").then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void aRequestNeedsATeamInScopeADepotThatServesItAndItsOwnStockLines() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID shanxiDepot = Fixtures.provincialDepot("140000");
        UUID shanxiLine = Fixtures.stock(Tokens.provincial("140000"), shanxiDepot, 10, 0, null);
        UUID sichuanDepot = Fixtures.provincialDepot("510000");
        UUID sichuanLine = Fixtures.stock(Tokens.provincial("510000"), sichuanDepot, 10, 0, null);
        String unit = Tokens.unit(team.unitId());
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Fixtures.callUpBody(shanxiDepot, team.id(), shanxiLine, 1))
                .post("/api/v1/call-ups").then().statusCode(409).body("type", equalTo(PROBLEMS + "depot-does-not-serve-team"));
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Fixtures.callUpBody(sichuanDepot, team.id(), shanxiLine, 1))
                .post("/api/v1/call-ups").then().statusCode(400).body("errors.field", hasItem("lines[0].stockLineId"));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Fixtures.callUpBody(sichuanDepot, team.id(), sichuanLine, 1))
                .post("/api/v1/call-ups").then().statusCode(404);
        given().auth().oauth2(Tokens.mineSafety("510000")).contentType(ContentType.JSON)
                .body(Fixtures.callUpBody(sichuanDepot, team.id(), sichuanLine, 1))
                .post("/api/v1/call-ups").then().statusCode(201).body("status", equalTo("REQUESTED"));
        for (String token : List.of(Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.callUpBody(sichuanDepot, team.id(), sichuanLine, 1))
                    .post("/api/v1/call-ups").then().statusCode(403);
        }
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Fixtures.callUpBody(sichuanDepot, team.id(), sichuanLine, 0))
                .post("/api/v1/call-ups").then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("quantity")));
        Teams.outage();
        try {
            Teams.Team unseen = Teams.team("510000", Teams.MINING);
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.callUpBody(sichuanDepot, unseen.id(), sichuanLine, 1))
                    .post("/api/v1/call-ups").then().statusCode(503).body("type", equalTo(PROBLEMS + "dependency-unavailable"));
        } finally {
            Teams.restore();
        }
    }

    @Test
    void aCallUpMayNameTheIncidentItServesCheckedForItsFormatOnly() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(Tokens.provincial("510000"), depot, 10, 0, null);
        UUID incident = UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.callUpBody(depot, team.id(), line, 1));
        body.put("incidentId", incident.toString());
        String id = given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/call-ups").then().statusCode(201).body("incidentId", equalTo(incident.toString()))
                .extract().path("id");
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/call-ups/" + id).then().statusCode(200)
                .body("incidentId", equalTo(incident.toString()));
        body.put("incidentId", "古蔺煤矿事故");
        given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/call-ups").then().statusCode(400).body("errors.field", hasItem("incidentId"));
        body.remove("incidentId");
        given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/call-ups").then().statusCode(201).body("incidentId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theCallUpsOfAnIncidentAreListedWithinTheCallersScope() {
        UUID incident = UUID.randomUUID();
        UUID otherIncident = UUID.randomUUID();
        Teams.Team sichuan = Teams.team("510000", Teams.MINING);
        UUID sichuanDepot = Fixtures.provincialDepot("510000");
        UUID sichuanLine = Fixtures.stock(Tokens.provincial("510000"), sichuanDepot, 10, 0, null);
        Teams.Team shanxi = Teams.team("140000", Teams.MINING);
        UUID shanxiDepot = Fixtures.provincialDepot("140000");
        UUID shanxiLine = Fixtures.stock(Tokens.provincial("140000"), shanxiDepot, 10, 0, null);
        String sichuanCallUp = requestServing(Tokens.unit(sichuan.unitId()), sichuanDepot, sichuan.id(), sichuanLine, incident);
        String shanxiCallUp = requestServing(Tokens.unit(shanxi.unitId()), shanxiDepot, shanxi.id(), shanxiLine, incident);
        String otherCallUp = requestServing(Tokens.unit(sichuan.unitId()), sichuanDepot, sichuan.id(), sichuanLine, otherIncident);
        requestServing(Tokens.unit(sichuan.unitId()), sichuanDepot, sichuan.id(), sichuanLine, null);

        given().auth().oauth2(Tokens.national()).queryParam("incidentId", incident.toString()).get("/api/v1/call-ups").then()
                .statusCode(200).body("total", equalTo(2)).body("items.id", hasItems(sichuanCallUp, shanxiCallUp))
                .body("items.incidentId", org.hamcrest.Matchers.everyItem(equalTo(incident.toString())));
        given().auth().oauth2(Tokens.service()).queryParam("incidentId", otherIncident.toString()).get("/api/v1/call-ups").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(otherCallUp));
        // a province sees its own teams' call-ups of the incident only; the filters combine
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("incidentId", incident.toString()).get("/api/v1/call-ups")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(sichuanCallUp));
        given().auth().oauth2(Tokens.national()).queryParam("incidentId", incident.toString()).queryParam("teamId", shanxi.id().toString())
                .get("/api/v1/call-ups").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(shanxiCallUp));
        given().auth().oauth2(Tokens.national()).queryParam("incidentId", incident.toString()).queryParam("status", "APPROVED")
                .get("/api/v1/call-ups").then().statusCode(200).body("total", equalTo(0));
        // an incident nothing serves is an empty page; a malformed id a validation problem naming the parameter
        given().auth().oauth2(Tokens.national()).queryParam("incidentId", UUID.randomUUID().toString()).get("/api/v1/call-ups").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.national()).queryParam("incidentId", "古蔺煤矿事故").get("/api/v1/call-ups").then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "validation")).body("errors[0].field", equalTo("incidentId"));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).queryParam("incidentId", incident.toString()).get("/api/v1/call-ups")
                .then().statusCode(403);
    }

    private static String requestServing(String token, UUID depot, UUID team, UUID line, UUID incident) {
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.callUpBody(depot, team, line, 1));
        if (incident != null) {
            body.put("incidentId", incident.toString());
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/call-ups").then()
                .statusCode(201).extract().path("id");
    }

    static void stockIs(String token, UUID depot, int quantity, int reserved) {
        given().auth().oauth2(token).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200)
                .body("items[0].quantity", equalTo(quantity))
                .body("items[0].reserved", equalTo(reserved))
                .body("items[0].available", equalTo(quantity - reserved));
    }
}
