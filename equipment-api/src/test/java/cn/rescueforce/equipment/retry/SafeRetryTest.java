package cn.rescueforce.equipment.retry;

import cn.rescueforce.devkit.testing.AtOnce;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        List<HttpResponse<String>> answers = twentyAtOnce(OWNER, "/api/v1/depots/" + depot + "/stock/" + line + "/adjustments",
                UUID.randomUUID().toString(), "{\"delta\":7,\"reason\":\"入库\"}");
        for (HttpResponse<String> response : answers) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(57, JsonPath.from(response.body()).getInt("quantity"), response.body());
        }
        assertEquals(19, replayed(answers), "one request ran the adjustment, the others answered its replay");
        quantityIs(depot, line, 57);
        ledgerEntries(line, 2);
        adjustmentAudits(line, 1);
    }

    @Test
    void aReplayedStockLineAnswersTheFirstLocationAndBodyAndAnotherBodyIs422() {
        UUID depot = Fixtures.provincialDepot("510000");
        Map<String, Object> receipt = Map.of("material", "抢险排水泵配件", "batch", "P-" + Fixtures.next(), "quantity", 40, "unit", "套");
        String key = UUID.randomUUID().toString();
        Response first = addLine(depot, key, receipt);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response replay = addLine(depot, key, receipt);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), replay.jsonPath().getMap(""));

        Map<String, Object> more = new HashMap<>(receipt);
        more.put("quantity", 41);
        addLine(depot, key, more).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        given().auth().oauth2(OWNER).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].quantity", equalTo(40));
        UUID line = UUID.fromString(first.path("id"));
        ledgerEntries(line, 1);
        audits(line, "RECEIVED", 1);
    }

    @Test
    void twentyConcurrentStockLinesWithOneKeyReceiveTheStockOnce() throws Exception {
        UUID depot = Fixtures.provincialDepot("510000");
        List<HttpResponse<String>> answers = twentyAtOnce(OWNER, "/api/v1/depots/" + depot + "/stock", UUID.randomUUID().toString(),
                "{\"material\":\"救生绳\",\"batch\":\"R-" + Fixtures.next() + "\",\"quantity\":12,\"unit\":\"根\"}");
        String id = JsonPath.from(answers.get(0).body()).getString("id");
        for (HttpResponse<String> response : answers) {
            assertEquals(201, response.statusCode(), response.body());
            assertEquals(id, JsonPath.from(response.body()).getString("id"), response.body());
        }
        assertEquals(19, replayed(answers), "one request received the line, the others answered its replay");
        given().auth().oauth2(OWNER).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].quantity", equalTo(12));
        ledgerEntries(UUID.fromString(id), 1);
        audits(UUID.fromString(id), "RECEIVED", 1);
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
                .post("/api/v1/call-ups/" + callUp + "/closure").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));
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

    @Test
    void everyCallUpStepReplaysItsFirstAnswerAndRefusesItsKeyForAnotherRequest() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String requester = Tokens.unit(team.unitId());
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 100, 0, null);

        UUID approved = Fixtures.callUp(requester, depot, team.id(), line, 10);
        UUID other = Fixtures.callUp(requester, depot, team.id(), line, 5);
        String etag = given().auth().oauth2(OWNER).get("/api/v1/call-ups/" + approved).then().extract().header("ETag");
        String approval = UUID.randomUUID().toString();
        given().auth().oauth2(OWNER).header("If-Match", etag).header("Idempotency-Key", approval)
                .post("/api/v1/call-ups/" + approved + "/approval").then().statusCode(200);
        given().auth().oauth2(OWNER).header("If-Match", "\"99\"").header("Idempotency-Key", approval)
                .post("/api/v1/call-ups/" + approved + "/approval").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));

        String dispatch = UUID.randomUUID().toString();
        Response dispatched = step(OWNER, approved, "dispatch", dispatch, null);
        dispatched.then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("status", equalTo("DISPATCHED"));
        Response again = step(OWNER, approved, "dispatch", dispatch, null);
        again.then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", dispatched.header("ETag"));
        assertEquals(dispatched.jsonPath().getMap(""), again.jsonPath().getMap(""));
        step(OWNER, other, "dispatch", dispatch, null).then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        stockOf(depot, line, "quantity", 90);

        String rejection = UUID.randomUUID().toString();
        Response rejected = step(OWNER, other, "rejection", rejection, Map.of("reason", "库存需保障其他险情"));
        rejected.then().statusCode(200).body("status", equalTo("REJECTED"));
        Response rejectedAgain = step(OWNER, other, "rejection", rejection, Map.of("reason", "库存需保障其他险情"));
        rejectedAgain.then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", rejected.header("ETag"));
        assertEquals(rejected.jsonPath().getMap(""), rejectedAgain.jsonPath().getMap(""));
        step(OWNER, other, "rejection", rejection, Map.of("reason", "另一个理由")).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        audits(other, "REJECTED", 1);

        UUID withdrawn = Fixtures.callUp(requester, depot, team.id(), line, 7);
        given().auth().oauth2(OWNER).post("/api/v1/call-ups/" + withdrawn + "/approval").then().statusCode(200);
        String cancellation = UUID.randomUUID().toString();
        Response cancelled = step(requester, withdrawn, "cancellation", cancellation, Map.of("reason", "险情已排除，无需调用"));
        cancelled.then().statusCode(200).body("status", equalTo("CANCELLED"));
        Response cancelledAgain = step(requester, withdrawn, "cancellation", cancellation, Map.of("reason", "险情已排除，无需调用"));
        cancelledAgain.then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", cancelled.header("ETag"));
        assertEquals(cancelled.jsonPath().getMap(""), cancelledAgain.jsonPath().getMap(""));
        step(requester, withdrawn, "cancellation", cancellation, Map.of("reason", "另一个理由")).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        stockOf(depot, line, "reserved", 0);
        audits(withdrawn, "CANCELLED", 1);
        given().auth().oauth2(OWNER).queryParam("callUpId", withdrawn).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("total", equalTo(2)); // its reservation and its release, once
    }

    @Test
    void aClosureWithItsKeyAndAnotherBodyIs422AndReturnsNothing() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 100, 0, null);
        UUID callUp = dispatchedCallUp(team, depot, line, 20);
        String key = UUID.randomUUID().toString();
        step(OWNER, callUp, "closure", key, closure(line, 6)).then().statusCode(200);
        step(OWNER, callUp, "closure", key, closure(line, 7)).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        quantityIs(depot, line, 86);
        audits(callUp, "CLOSED", 1);
    }

    @Test
    void twentyConcurrentClosuresWithOneKeyReturnTheStockOnce() throws Exception {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 100, 0, null);
        UUID callUp = dispatchedCallUp(team, depot, line, 20);
        List<HttpResponse<String>> answers = twentyAtOnce(OWNER, "/api/v1/call-ups/" + callUp + "/closure", UUID.randomUUID().toString(),
                "{\"lines\":[{\"stockLineId\":\"" + line + "\",\"returnedQuantity\":6}]}");
        for (HttpResponse<String> response : answers) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("CLOSED", JsonPath.from(response.body()).getString("status"), response.body());
        }
        assertEquals(19, replayed(answers), "one request closed the call-up, the others answered its replay");
        quantityIs(depot, line, 86);
        audits(callUp, "CLOSED", 1);
        given().auth().oauth2(OWNER).queryParam("callUpId", callUp).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("total", equalTo(3)).body("items.findAll { it.kind == 'RETURN' }.size()", equalTo(1));
    }

    private static UUID dispatchedCallUp(Teams.Team team, UUID depot, UUID line, int quantity) {
        UUID callUp = Fixtures.callUp(Tokens.unit(team.unitId()), depot, team.id(), line, quantity);
        given().auth().oauth2(OWNER).post("/api/v1/call-ups/" + callUp + "/approval").then().statusCode(200);
        given().auth().oauth2(OWNER).post("/api/v1/call-ups/" + callUp + "/dispatch").then().statusCode(200);
        return callUp;
    }

    private static Map<String, Object> closure(UUID line, int returned) {
        return Map.of("lines", List.of(Map.of("stockLineId", line.toString(), "returnedQuantity", returned)));
    }

    /** A call-up step ({@code approval}, {@code dispatch}, {@code closure}, …) with its key and body (none when null). */
    private static Response step(String token, UUID callUp, String step, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).header("Idempotency-Key", key);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/v1/call-ups/" + callUp + "/" + step);
    }

    private static Response addLine(UUID depot, String key, Map<String, Object> body) {
        return given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/depots/" + depot + "/stock");
    }

    /** Twenty identical POSTs with one key, released at the same moment. */
    private static List<HttpResponse<String>> twentyAtOnce(String token, String path, String key, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return AtOnce.send(request, 20);
    }

    private static int replayed(List<HttpResponse<String>> answers) {
        return (int) answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isPresent()).count();
    }

    private static void audits(UUID entity, String action, int events) {
        given().auth().oauth2(Tokens.national()).queryParam("entityId", entity).queryParam("size", 200).get("/api/v1/audit-events")
                .then().statusCode(200).body("items.findAll { it.action == '" + action + "' }.size()", equalTo(events));
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
        audits(line, "ADJUSTED", events);
    }
}
