package cn.rescueforce.equipment.depot;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DepotTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void eachLevelRegistersOnlyDepotsItWillOwn() {
        UUID unit = UUID.randomUUID();
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.depotBody("NATIONAL", null, null))
                .post("/api/v1/depots").then().statusCode(201).body("ownerLevel", equalTo("NATIONAL")).header("ETag", "\"0\"");
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Fixtures.depotBody("PROVINCIAL", "510000", null))
                .post("/api/v1/depots").then().statusCode(201).body("province", equalTo("510000"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(Fixtures.depotBody("UNIT", "510000", unit))
                .post("/api/v1/depots").then().statusCode(201).body("unitId", equalTo(unit.toString()));
        List<Object[]> refused = List.of(
                new Object[]{Tokens.provincial("510000"), Fixtures.depotBody("PROVINCIAL", "140000", null)},
                new Object[]{Tokens.provincial("510000"), Fixtures.depotBody("NATIONAL", null, null)},
                new Object[]{Tokens.national(), Fixtures.depotBody("PROVINCIAL", "510000", null)},
                new Object[]{Tokens.unit(unit), Fixtures.depotBody("UNIT", "510000", UUID.randomUUID())},
                new Object[]{Tokens.mineSafety("140000"), Fixtures.depotBody("PROVINCIAL", "140000", null)},
                new Object[]{Tokens.assessor(UUID.randomUUID()), Fixtures.depotBody("NATIONAL", null, null)},
                new Object[]{Tokens.service(), Fixtures.depotBody("NATIONAL", null, null)});
        for (Object[] attempt : refused) {
            given().auth().oauth2((String) attempt[0]).contentType(ContentType.JSON).body(attempt[1])
                    .post("/api/v1/depots").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        }
    }

    @Test
    void badDepotsAreRejectedNamingTheField() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.depotBody("PROVINCIAL", null, null))
                .post("/api/v1/depots").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Fixtures.depotBody("PROVINCIAL", null, null))
                .post("/api/v1/depots").then().statusCode(400).body("errors.field", hasItem("province"));
        UUID unit = UUID.randomUUID();
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(Fixtures.depotBody("UNIT", "510000", null))
                .post("/api/v1/depots").then().statusCode(400).body("errors.field", hasItem("unitId"));
        Map<String, Object> farAway = Fixtures.depotBody("NATIONAL", null, null);
        farAway.put("location", Map.of("lat", 95, "lon", 104));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(farAway)
                .post("/api/v1/depots").then().statusCode(400).body("errors.field", hasItem("location.lat"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.depotBody("STATE", null, null))
                .post("/api/v1/depots").then().statusCode(400).body("errors.field", hasItem("ownerLevel"));
    }

    @Test
    void depotsAreSeenByTheLevelsTheyServe() {
        UUID unitA = UUID.randomUUID();
        UUID national = Fixtures.nationalDepot();
        UUID sichuan = Fixtures.provincialDepot("510000");
        UUID shanxi = Fixtures.provincialDepot("140000");
        UUID unitDepot = Fixtures.unitDepot("510000", unitA);
        Map<String, List<UUID>> sees = Map.of(
                Tokens.national(), List.of(national, sichuan, shanxi, unitDepot),
                Tokens.service(), List.of(national, sichuan, shanxi, unitDepot),
                Tokens.provincial("510000"), List.of(national, sichuan, unitDepot),
                Tokens.mineSafety("140000"), List.of(national, shanxi),
                Tokens.unit(unitA), List.of(national, sichuan, shanxi, unitDepot));
        Map<String, List<UUID>> doesNotSee = Map.of(
                Tokens.provincial("510000"), List.of(shanxi),
                Tokens.mineSafety("140000"), List.of(sichuan, unitDepot),
                Tokens.unit(UUID.randomUUID()), List.of(unitDepot));
        sees.forEach((token, depots) -> {
            for (UUID depot : depots) {
                given().auth().oauth2(token).get("/api/v1/depots/" + depot).then().statusCode(200).body("id", equalTo(depot.toString()));
                given().auth().oauth2(token).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200);
            }
        });
        doesNotSee.forEach((token, depots) -> {
            for (UUID depot : depots) {
                given().auth().oauth2(token).get("/api/v1/depots/" + depot).then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
                given().auth().oauth2(token).get("/api/v1/depots/" + depot + "/stock").then().statusCode(404);
                given().auth().oauth2(token).queryParam("size", 200).get("/api/v1/depots").then().statusCode(200)
                        .body("items.id", not(hasItem(depot.toString())));
            }
        });
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200).get("/api/v1/depots").then().statusCode(200)
                .body("items.id", hasItems(national.toString(), sichuan.toString(), unitDepot.toString()));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/depots").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/depots/" + national).then().statusCode(403);
    }

    @Test
    void onlyTheOwnerReceivesAndAdjustsStock() {
        UUID depot = Fixtures.provincialDepot("510000");
        String owner = Tokens.provincial("510000");
        UUID line = Fixtures.stock(owner, depot, 50, 10, null);
        Map<String, Object> newLine = Map.of("material", "抢险排水泵配件", "batch", "P-" + Fixtures.next(), "quantity", 5, "unit", "套");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(newLine)
                .post("/api/v1/depots/" + depot + "/stock").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON).body(newLine)
                .post("/api/v1/depots/" + depot + "/stock").then().statusCode(404);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("delta", 5, "reason", "入库"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then().statusCode(403);
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("delta", -8, "reason", "盘点报废"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then().statusCode(200)
                .body("quantity", equalTo(42)).body("available", equalTo(42));
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("delta", -43, "reason", "盘点报废"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "insufficient-stock"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("delta", 0, "reason", "无变化"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then().statusCode(400)
                .body("errors.field", hasItem("delta"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("delta", 1, "reason", "入库"))
                .post("/api/v1/depots/" + depot + "/stock/" + UUID.randomUUID() + "/adjustments").then().statusCode(404);
        Map<String, Object> negative = Map.of("material", "氧气瓶", "batch", "N-1", "quantity", -1, "unit", "个");
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(negative)
                .post("/api/v1/depots/" + depot + "/stock").then().statusCode(400).body("errors.field", hasItem("quantity"));
        given().auth().oauth2(Tokens.mineSafety("510000")).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200)
                .body("items[0].quantity", equalTo(42));
    }

    @Test
    void aBatchAlreadyInTheDepotIsRefusedAsDuplicateEvenWhenReceivedConcurrently() throws Exception {
        UUID depot = Fixtures.provincialDepot("510000");
        String owner = Tokens.provincial("510000");
        Map<String, Object> batch = Map.of("material", "救援照明灯", "batch", "L-" + Fixtures.next(), "quantity", 8, "unit", "台");
        // ten receipts of one batch at once, each with its own key: one line, the others are the same 409 whether the
        // service's check or the unique constraint (stock_line_batch_unique, at commit) refuses them
        ExecutorService senders = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(senders.submit(() -> {
                start.await();
                return given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(batch).post("/api/v1/depots/" + depot + "/stock");
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            if (response.statusCode() == 201) {
                created++;
            } else {
                response.then().statusCode(409).contentType("application/problem+json")
                        .body("type", equalTo(PROBLEMS + "duplicate-stock-batch")).body("title", equalTo("Batch already in the depot"));
            }
        }
        senders.shutdown();
        assertEquals(1, created);
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(batch).post("/api/v1/depots/" + depot + "/stock")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-stock-batch"));
        given().auth().oauth2(owner).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].quantity", equalTo(8));
    }

    @Test
    void lowAndExpiringStockAreListedWithinTheCallersDepots() {
        UUID sichuan = Fixtures.provincialDepot("510000");
        UUID shanxi = Fixtures.provincialDepot("140000");
        UUID low = Fixtures.stock(Tokens.provincial("510000"), sichuan, 3, 20, null);
        UUID expiring = Fixtures.stock(Tokens.provincial("510000"), sichuan, 30, 0, TODAY.plusDays(20).toString());
        UUID shanxiLow = Fixtures.stock(Tokens.provincial("140000"), shanxi, 1, 5, TODAY.plusDays(5).toString());
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200).get("/api/v1/stock-alerts/low").then().statusCode(200)
                .body("items.id", hasItem(low.toString())).body("items.id", not(hasItem(expiring.toString())))
                .body("items.id", not(hasItem(shanxiLow.toString())));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200).queryParam("withinDays", 30)
                .get("/api/v1/stock-alerts/expiring").then().statusCode(200)
                .body("items.id", hasItem(expiring.toString())).body("items.id", not(hasItem(shanxiLow.toString())));
        given().auth().oauth2(Tokens.national()).queryParam("size", 200).queryParam("province", "140000")
                .get("/api/v1/stock-alerts/low").then().statusCode(200).body("items.id", hasItem(shanxiLow.toString()))
                .body("items.id", not(hasItem(low.toString())));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/stock-alerts/low").then().statusCode(403);
        given().auth().oauth2(Tokens.national()).queryParam("withinDays", 5000).get("/api/v1/stock-alerts/expiring")
                .then().statusCode(400).body("errors.field", hasItem("withinDays"));
    }
}
