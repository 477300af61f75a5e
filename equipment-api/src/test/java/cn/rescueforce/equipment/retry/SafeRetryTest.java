package cn.rescueforce.equipment.retry;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** State-changing POSTs are safe to retry with an Idempotency-Key (openapi/common.yaml, IdempotencyKey). */
@QuarkusTest
class SafeRetryTest {

    static final String OWNER = Tokens.provincial("510000");

    @Test
    void aReplayedAdjustmentAnswersTheFirstResponseAndMovesNothing() {
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 50, 0, null);
        String key = UUID.randomUUID().toString();
        Response first = adjust(depot, line, key, 5);
        first.then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("quantity", equalTo(55));

        Response replay = adjust(depot, line, key, 5);
        replay.then().statusCode(200).header("Idempotent-Replayed", "true").body("quantity", equalTo(55));
        assertEquals(first.header("ETag"), replay.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), replay.jsonPath().getMap(""));
        quantityIs(depot, line, 55);
        ledgerEntries(line, 2); // the receipt of the line and one adjustment
        adjustmentAudits(line, 1);
    }

    @Test
    void theSameKeyWithAnotherBodyOrAnotherTargetIs422AndChangesNothing() {
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 50, 0, null);
        UUID other = Fixtures.stock(OWNER, depot, 30, 0, null);
        String key = UUID.randomUUID().toString();
        adjust(depot, line, key, 5).then().statusCode(200);

        adjust(depot, line, key, 6).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        adjust(depot, other, key, 5).then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("material", "抢险排水泵配件", "batch", "P-" + Fixtures.next(), "quantity", 5, "unit", "套"))
                .post("/api/v1/depots/" + depot + "/stock").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        quantityIs(depot, line, 55);
        quantityIs(depot, other, 30);
        given().auth().oauth2(OWNER).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void anAdjustmentWithoutAKeyIs428AndChangesNothing() {
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 50, 0, null);
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(Map.of("delta", -8, "reason", "盘点报废"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then().statusCode(428)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "idempotency-key-required"));
        quantityIs(depot, line, 50);
        ledgerEntries(line, 1);
        adjustmentAudits(line, 0);
    }

    @Test
    void twentyConcurrentAdjustmentsWithOneKeyMoveTheStockOnce() throws Exception {
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 50, 0, null);
        String key = UUID.randomUUID().toString();
        HttpRequest adjustment = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/depots/" + depot + "/stock/" + line + "/adjustments"))
                .header("Authorization", "Bearer " + OWNER).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"delta\":7,\"reason\":\"入库\"}")).build();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(20)).build();
        ExecutorService senders = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(senders.submit(() -> {
                start.await();
                return http.send(adjustment, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        int replayed = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(57, (int) io.restassured.path.json.JsonPath.from(response.body()).getInt("quantity"), response.body());
            replayed += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        senders.shutdown();
        assertEquals(19, replayed, "one request ran the adjustment, the others answered its replay");
        quantityIs(depot, line, 57);
        ledgerEntries(line, 2);
        adjustmentAudits(line, 1);
    }

    @Test
    void aRetriedClosureAnswersTheFirstClosureNot409AndReturnsTheStockOnce() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 100, 0, null);
        UUID callUp = Fixtures.callUp(Tokens.unit(team.unitId()), depot, team.id(), line, 20);
        String approval = UUID.randomUUID().toString();
        Response approved = given().auth().oauth2(OWNER).header("Idempotency-Key", approval)
                .post("/api/v1/call-ups/" + callUp + "/approval");
        approved.then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(OWNER).header("Idempotency-Key", approval).post("/api/v1/call-ups/" + callUp + "/approval")
                .then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", approved.header("ETag"))
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(OWNER).post("/api/v1/call-ups/" + callUp + "/dispatch").then().statusCode(200);
        Map<String, Object> closure = Map.of("lines", List.of(Map.of("stockLineId", line.toString(), "returnedQuantity", 6)));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(closure)
                .post("/api/v1/call-ups/" + callUp + "/closure").then().statusCode(428)
                .body("type", equalTo(PROBLEMS + "idempotency-key-required"));
        given().auth().oauth2(OWNER).get("/api/v1/call-ups/" + callUp).then().statusCode(200).body("status", equalTo("DISPATCHED"));

        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(closure)
                .post("/api/v1/call-ups/" + callUp + "/closure");
        first.then().statusCode(200).body("status", equalTo("CLOSED"));
        Response retry = given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(closure)
                .post("/api/v1/call-ups/" + callUp + "/closure");
        retry.then().statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("CLOSED"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(closure)
                .post("/api/v1/call-ups/" + callUp + "/closure").then().statusCode(409);
        quantityIs(depot, line, 86);
        given().auth().oauth2(OWNER).queryParam("callUpId", callUp).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("total", equalTo(3));
    }

    @Test
    void aReplayedInspectionAnswersTheFirstLocationAndBody() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String item = Fixtures.item(team, Fixtures.itemBody(Fixtures.equipmentType(30, 96), "2024-01-10"));
        String path = "/api/v1/teams/" + team.id() + "/equipment/" + item + "/inspections";
        String unit = Tokens.unit(team.unitId());
        Map<String, Object> inspection = Map.of("kind", "INSPECTION", "performedOn", LocalDate.now(ZoneOffset.UTC).toString(), "result", "PASSED");
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(unit).contentType(ContentType.JSON).header("Idempotency-Key", key).body(inspection).post(path);
        first.then().statusCode(201);
        Response replay = given().auth().oauth2(unit).contentType(ContentType.JSON).header("Idempotency-Key", key).body(inspection).post(path);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        given().auth().oauth2(unit).get(path).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anApprovalWithAStaleIfMatchIs412AndWithTheCurrentOneIsApproved() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String requester = Tokens.unit(team.unitId());
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 100, 0, null);
        UUID withdrawn = Fixtures.callUp(requester, depot, team.id(), line, 10);
        String read = given().auth().oauth2(OWNER).get("/api/v1/call-ups/" + withdrawn).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(requester).contentType(ContentType.JSON).body(Map.of("reason", "险情已排除，无需调用"))
                .post("/api/v1/call-ups/" + withdrawn + "/cancellation").then().statusCode(200);
        given().auth().oauth2(OWNER).header("If-Match", read).post("/api/v1/call-ups/" + withdrawn + "/approval").then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "precondition-failed"));

        UUID callUp = Fixtures.callUp(requester, depot, team.id(), line, 10);
        given().auth().oauth2(OWNER).header("If-Match", "\"7\"").post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(412);
        given().auth().oauth2(OWNER).get("/api/v1/call-ups/" + callUp).then().statusCode(200).body("status", equalTo("REQUESTED"));
        stockOf(depot, line, "reserved", 0);
        String current = given().auth().oauth2(OWNER).get("/api/v1/call-ups/" + callUp).then().extract().header("ETag");
        given().auth().oauth2(OWNER).header("If-Match", current).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        stockOf(depot, line, "reserved", 10);
    }

    private static Response adjust(UUID depot, UUID line, String key, int delta) {
        return given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("delta", delta, "reason", "入库"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments");
    }

    private static void quantityIs(UUID depot, UUID line, int quantity) {
        stockOf(depot, line, "quantity", quantity);
    }

    private static void stockOf(UUID depot, UUID line, String field, int value) {
        given().auth().oauth2(OWNER).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200)
                .body("items.find { it.id == '" + line + "' }." + field, equalTo(value));
    }

    private static void ledgerEntries(UUID line, int entries) {
        given().auth().oauth2(OWNER).queryParam("stockLineId", line).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("total", equalTo(entries));
    }

    private static void adjustmentAudits(UUID line, int events) {
        given().auth().oauth2(Tokens.national()).queryParam("entityId", line).queryParam("size", 200).get("/api/v1/audit-events")
                .then().statusCode(200).body("items.findAll { it.action == 'ADJUSTED' }.size()", equalTo(events));
    }
}
