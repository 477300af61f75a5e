package cn.rescueforce.equipment.changes;

import cn.rescueforce.devkit.testing.AtOnce;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import cn.rescueforce.kit.changes.ChangeFeed;
import cn.rescueforce.kit.changes.ChangeRecorder;
import cn.rescueforce.kit.changes.Cursor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change feed of equipment-api (openapi/equipment-api.yaml, Changes): every event type with the entity as its GET
 * answers it, each level's scope, cursors, and commit order under concurrent writers.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SICHUAN = "510000";
    private static final String SHANXI = "140000";

    @Inject
    ChangeRecorder recorder;

    @Inject
    ChangeFeed feed;

    /** What one operation must have published: its type, the entity, its version and its GET at that version. */
    record Expected(String type, UUID entityId, Long version, JsonNode data) {
    }

    @Test
    void everyEventTypeCarriesTheEntityAsItsGetAnswersItAtThatVersion() {
        String national = Tokens.national();
        String from = cursor(national);
        List<Expected> expected = new ArrayList<>();

        String code = Fixtures.equipmentType(30, 120);
        String typePath = "/api/v1/equipment-types/" + code;
        expected.add(expectGet("equipment-type.created", national, typePath));
        given().auth().oauth2(national).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("code", code, "name", "正压氧气呼吸器（改）", "group", "RESPIRATORY", "unit", "台", "inspectionIntervalDays", 30))
                .put(typePath).then().statusCode(200);
        expected.add(expectGet("equipment-type.updated", national, typePath));

        String configuration = Fixtures.configuration("OTHER", Map.of(code, 2));
        expected.add(expectGet("standard-configuration.published", national, "/api/v1/standard-configurations/" + configuration));

        UUID depot = Fixtures.provincialDepot(SICHUAN);
        expected.add(expectGet("depot.registered", national, "/api/v1/depots/" + depot));
        String owner = Tokens.provincial(SICHUAN);
        UUID line = Fixtures.stock(owner, depot, 100, 10, "2029-03-01");
        expected.add(expectStock("stock.received", national, depot, line));
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", "adjust-" + line)
                .body(Map.of("delta", -4, "reason", "盘点发现4个气瓶压力不足，报废"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then().statusCode(200);
        expected.add(expectStock("stock.adjusted", national, depot, line));

        Teams.Team team = Teams.team(SICHUAN, Teams.MINING);
        String unit = Tokens.unit(team.unitId());
        String item = Fixtures.item(team, Fixtures.itemBody(code, "2024-01-01"));
        String itemPath = "/api/v1/teams/" + team.id() + "/equipment/" + item;
        expected.add(expectGet("equipment.registered", national, itemPath));
        given().auth().oauth2(unit).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "IN_SERVICE", "note", "存放于一号车"))
                .put(itemPath).then().statusCode(200);
        expected.add(expectGet("equipment.updated", national, itemPath));
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        inspect(unit, itemPath, "INSPECTION", "PASSED", yesterday);
        expected.add(expectGet("equipment.inspected", national, itemPath));
        inspect(unit, itemPath, "MAINTENANCE", "FAILED", yesterday);
        expected.add(expectGet("equipment.maintained", national, itemPath));
        assertEquals("UNDER_MAINTENANCE", expected.get(expected.size() - 1).data().path("status").asText());

        UUID closed = Fixtures.callUp(unit, depot, team.id(), line, 20);
        String closedPath = "/api/v1/call-ups/" + closed;
        expected.add(expectGet("callup.requested", national, closedPath));
        given().auth().oauth2(owner).post(closedPath + "/approval").then().statusCode(200);
        expected.add(expectGet("callup.approved", national, closedPath));
        given().auth().oauth2(owner).post(closedPath + "/dispatch").then().statusCode(200);
        expected.add(expectGet("callup.dispatched", national, closedPath));
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", "close-" + closed)
                .body(Map.of("lines", List.of(Map.of("stockLineId", line.toString(), "returnedQuantity", 6))))
                .post(closedPath + "/closure").then().statusCode(200);
        expected.add(expectGet("callup.closed", national, closedPath));
        UUID rejected = Fixtures.callUp(unit, depot, team.id(), line, 5);
        expected.add(expectGet("callup.requested", national, "/api/v1/call-ups/" + rejected));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("reason", "本库氧气瓶需优先保障省级调用"))
                .post("/api/v1/call-ups/" + rejected + "/rejection").then().statusCode(200);
        expected.add(expectGet("callup.rejected", national, "/api/v1/call-ups/" + rejected));
        UUID cancelled = Fixtures.callUp(unit, depot, team.id(), line, 5);
        expected.add(expectGet("callup.requested", national, "/api/v1/call-ups/" + cancelled));
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Map.of("reason", "险情已排除，无需调用"))
                .post("/api/v1/call-ups/" + cancelled + "/cancellation").then().statusCode(200);
        expected.add(expectGet("callup.cancelled", national, "/api/v1/call-ups/" + cancelled));

        Set<UUID> entities = new HashSet<>();
        expected.forEach(e -> entities.add(e.entityId()));
        List<JsonNode> changes = readAll(national, from).stream()
                .filter(c -> entities.contains(UUID.fromString(c.path("entityId").asText()))).toList();
        assertEquals(expected.size(), changes.size(), "one change per operation: " + types(changes));
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            JsonNode change = changes.get(i);
            assertEquals(want.type(), change.path("type").asText(), "change " + i + " in commit order");
            assertEquals(want.entityId().toString(), change.path("entityId").asText(), want.type());
            if (want.version() == null) {
                assertFalse(change.has("entityVersion") && !change.get("entityVersion").isNull(), want.type() + ": no version");
            } else {
                assertEquals(want.version().longValue(), change.path("entityVersion").asLong(), want.type() + ": version");
            }
            assertEquals(want.data(), change.path("data"), want.type() + ": data is the entity as its GET answers it");
        }
        assertEquals("UNIT", changes.get(expected.size() - 1).path("actorLevel").asText(), "the cancellation was the unit's");
        assertEquals(new TreeSet<>(recorder.eventTypes()), new TreeSet<>(expected.stream().map(Expected::type).toList()),
                "every event type of the service is published by its operation");
    }

    @Test
    void eachLevelSeesExactlyTheChangesOfWhatItMayRead() {
        UUID unitA = UUID.randomUUID();
        UUID unitB = UUID.randomUUID();
        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("national", Tokens.national());
        readers.put("service", Tokens.service());
        readers.put("provincial 510000", Tokens.provincial(SICHUAN));
        readers.put("provincial 140000", Tokens.provincial(SHANXI));
        readers.put("mine-safety 510000", Tokens.mineSafety(SICHUAN));
        readers.put("mine-safety 140000", Tokens.mineSafety(SHANXI));
        readers.put("unit A", Tokens.unit(unitA));
        readers.put("unit B", Tokens.unit(unitB));
        readers.put("assessor", Tokens.assessor(UUID.randomUUID()));
        Map<String, String> cursors = new HashMap<>();
        readers.forEach((name, token) -> cursors.put(name, cursor(token)));

        // what each GET is: entity id -> path that answers 200 to whoever may read it
        Map<UUID, Readable> entities = new LinkedHashMap<>();
        String code = Fixtures.equipmentType(180, null);
        UUID typeId = UUID.fromString(given().auth().oauth2(Tokens.national()).get("/api/v1/equipment-types/" + code).then()
                .extract().path("id"));
        entities.put(typeId, new Readable("catalog type", "/api/v1/equipment-types/" + code, null));
        UUID configuration = UUID.fromString(Fixtures.configuration("OTHER", Map.of(code, 1)));
        entities.put(configuration, new Readable("standard configuration", "/api/v1/standard-configurations/" + configuration, null));

        UUID nationalDepot = Fixtures.nationalDepot();
        UUID provincialDepot = Fixtures.provincialDepot(SICHUAN);
        UUID unitDepot = Fixtures.unitDepot(SICHUAN, unitA);
        entities.put(nationalDepot, new Readable("national depot", "/api/v1/depots/" + nationalDepot, null));
        entities.put(provincialDepot, new Readable("provincial depot", "/api/v1/depots/" + provincialDepot, null));
        entities.put(unitDepot, new Readable("unit depot", "/api/v1/depots/" + unitDepot, null));
        UUID nationalStock = Fixtures.stock(Tokens.national(), nationalDepot, 50, 0, null);
        UUID provincialStock = Fixtures.stock(Tokens.provincial(SICHUAN), provincialDepot, 50, 0, null);
        UUID unitStock = Fixtures.stock(Tokens.unit(unitA), unitDepot, 50, 0, null);
        entities.put(nationalStock, new Readable("national stock", "/api/v1/depots/" + nationalDepot + "/stock", nationalStock));
        entities.put(provincialStock, new Readable("provincial stock", "/api/v1/depots/" + provincialDepot + "/stock", provincialStock));
        entities.put(unitStock, new Readable("unit stock", "/api/v1/depots/" + unitDepot + "/stock", unitStock));

        Teams.Team miningA = Teams.team(SICHUAN, Teams.MINING, unitA);
        Teams.Team chemicalsB = Teams.team(SICHUAN, Teams.HAZARDOUS_CHEMICALS, unitB);
        Teams.Team miningShanxi = Teams.team(SHANXI, Teams.MINING);
        for (Teams.Team team : List.of(miningA, chemicalsB, miningShanxi)) {
            UUID item = UUID.fromString(Fixtures.item(team, Fixtures.itemBody(code, "2024-01-01")));
            entities.put(item, new Readable("item of " + team.category() + " " + team.province(),
                    "/api/v1/teams/" + team.id() + "/equipment/" + item, null));
        }
        UUID callUpA = Fixtures.callUp(Tokens.unit(unitA), unitDepot, miningA.id(), unitStock, 5);
        UUID callUpB = Fixtures.callUp(Tokens.unit(unitB), provincialDepot, chemicalsB.id(), provincialStock, 5);
        entities.put(callUpA, new Readable("call-up of the mining team A", "/api/v1/call-ups/" + callUpA, null));
        entities.put(callUpB, new Readable("call-up of the chemicals team B", "/api/v1/call-ups/" + callUpB, null));

        Map<String, Set<UUID>> seen = new HashMap<>();
        readers.forEach((name, token) -> {
            Set<UUID> inFeed = new HashSet<>();
            readAll(token, cursors.get(name)).forEach(c -> inFeed.add(UUID.fromString(c.path("entityId").asText())));
            seen.put(name, inFeed);
            entities.forEach((id, readable) -> {
                assertEquals(readable.readBy(token), inFeed.contains(id),
                        name + " sees the change of the " + readable.what() + " exactly when it may GET it");
            });
        });

        // the same rule, said for the cases that matter most
        Set<UUID> teamObjectsOfSichuan = Set.of(callUpA, callUpB);
        assertTrue(seen.get("provincial 140000").stream().noneMatch(teamObjectsOfSichuan::contains), "another province");
        assertTrue(seen.get("mine-safety 510000").contains(callUpA), "mine-safety: the mining team's call-up");
        assertFalse(seen.get("mine-safety 510000").contains(callUpB), "mine-safety: not the chemicals team's call-up");
        assertFalse(seen.get("unit B").contains(callUpA), "a unit: only its own teams");
        assertTrue(seen.get("unit B").contains(callUpB));
        assertEquals(Set.of(typeId, configuration), seen.get("assessor").stream().filter(entities::containsKey)
                .collect(java.util.stream.Collectors.toSet()), "assessor: the catalog and the standard configurations only");
    }

    /** An entity as a reader's GET reaches it: {@code path} answers it, or lists it when {@code listed} is given. */
    record Readable(String what, String path, UUID listed) {

        boolean readBy(String token) {
            Response response = listed == null ? given().auth().oauth2(token).get(path)
                    : given().auth().oauth2(token).queryParam("size", 200).get(path);
            if (response.statusCode() != 200) {
                return false;
            }
            return listed == null || response.jsonPath().getList("items.id").contains(listed.toString());
        }
    }

    @Test
    void aClientResumesFromAnyCursorItWasGivenAndAnIdleFeedKeepsItsCursor() {
        String national = Tokens.national();
        String from = cursor(national);
        List<String> codes = List.of(Fixtures.equipmentType(null, null), Fixtures.equipmentType(null, null),
                Fixtures.equipmentType(null, null));

        JsonNode first = page(national, from, 2);
        assertEquals(2, first.path("items").size());
        assertTrue(first.path("hasMore").asBoolean());
        assertEquals(codes.subList(0, 2), codesOf(first));
        JsonNode second = page(national, first.path("next").asText(), 2);
        assertEquals(codes.subList(2, 3), codesOf(second));
        assertFalse(second.path("hasMore").asBoolean());
        JsonNode again = page(national, first.path("items").get(0).path("cursor").asText(), 10);
        assertEquals(codes.subList(1, 3), codesOf(again), "after the first change's cursor: the two after it");

        String idle = second.path("next").asText();
        JsonNode nothing = page(national, idle, 10);
        assertEquals(0, nothing.path("items").size());
        assertFalse(nothing.path("hasMore").asBoolean());
        assertEquals(idle, nothing.path("next").asText(), "nothing happened: the same cursor");
    }

    @Test
    void nextMovesPastChangesTheCallerMayNotSee() {
        String shanxi = Tokens.provincial(SHANXI);
        String from = page(shanxi, cursor(shanxi), 10).path("next").asText();
        Teams.Team team = Teams.team(SICHUAN, Teams.MINING);
        Fixtures.item(team, Fixtures.itemBody(Fixtures.equipmentType(null, null), "2024-01-01"));

        JsonNode page = page(shanxi, from, 10);
        List<String> types = new ArrayList<>();
        page.path("items").forEach(c -> types.add(c.path("type").asText()));
        assertEquals(List.of("equipment-type.created"), types, "the catalog type, not the other province's item");
        JsonNode idle = page(shanxi, page.path("next").asText(), 10);
        assertEquals(0, idle.path("items").size());
        assertEquals(page.path("next").asText(), idle.path("next").asText());
        UUID depot = Fixtures.provincialDepot(SICHUAN);
        JsonNode past = page(shanxi, idle.path("next").asText(), 10);
        assertEquals(0, past.path("items").size(), "another province's depot");
        assertNotEquals(idle.path("next").asText(), past.path("next").asText(), "next moved past " + depot);
    }

    @Test
    void aCursorThatIsNotOneOfTheCallersIs400AndALimitOutOfRangeIsValidation() {
        String sichuan = Tokens.provincial(SICHUAN);
        String mine = cursor(sichuan);
        for (String after : List.of("not-a-cursor", "YzEuMTIzLmFiYw", mine + "x")) {
            given().auth().oauth2(sichuan).queryParam("after", after).get("/api/v1/changes").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "invalid-cursor"));
        }
        given().auth().oauth2(Tokens.provincial(SHANXI)).queryParam("after", mine).get("/api/v1/changes").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-cursor"))
                .body("detail", equalTo("The cursor was given to another caller: use a cursor from your own reads of the feed"));
        for (int limit : List.of(0, 1001)) {
            given().auth().oauth2(sichuan).queryParam("limit", limit).get("/api/v1/changes").then().statusCode(400)
                    .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("limit"));
        }
        given().get("/api/v1/changes").then().statusCode(401);
        given().get("/api/v1/changes/cursor").then().statusCode(401);
        given().auth().oauth2(sichuan).queryParam("after", mine).get("/api/v1/changes").then().statusCode(200);
    }

    @Test
    void aCursorPastTheRetentionIs410AndANewCursorFollowsTheFeedAgain() {
        String national = Tokens.national();
        String old = cursor(national);
        Fixtures.equipmentType(null, null);
        assertTrue(feed.purge(Instant.now()) > 0, "the change is older than the horizon given");

        given().auth().oauth2(national).queryParam("after", old).get("/api/v1/changes").then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "cursor-expired"))
                .body("title", equalTo("Cursor expired"));
        String fresh = cursor(national);
        String code = Fixtures.equipmentType(null, null);
        assertEquals(List.of(code), codesOf(page(national, fresh, 10)));
    }

    @Test
    void concurrentWritersArePublishedEachOnceInCommitOrderWhileAReaderPages() throws Exception {
        String national = Tokens.national();
        String owner = Tokens.provincial(SICHUAN);
        UUID depot = Fixtures.provincialDepot(SICHUAN);
        Teams.Team team = Teams.team(SICHUAN, Teams.MINING);
        String code = Fixtures.equipmentType(null, null);
        List<UUID> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(Fixtures.stock(owner, depot, 1000, 0, null));
        }
        String from = cursor(national);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService reading = Executors.newSingleThreadExecutor();
        Future<List<JsonNode>> reader = reading.submit(() -> {
            List<JsonNode> read = new ArrayList<>();
            String after = from;
            while (true) {
                // every write answered before this read began has committed: a read from then on that has no more
                // to give has given everything
                boolean written = !writing.get();
                JsonNode page = page(national, after, 3);
                page.path("items").forEach(read::add);
                after = page.path("next").asText();
                if (written && !page.path("hasMore").asBoolean()) {
                    return read;
                }
            }
        });

        AtomicInteger writers = new AtomicInteger();
        List<List<String>> written = AtOnce.run(8, () -> {
            int writer = writers.getAndIncrement();
            List<String> changes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                if (writer % 2 == 0) {
                    UUID line = lines.get(writer / 2);
                    Response adjusted = given().auth().oauth2(owner).contentType(ContentType.JSON)
                            .header("Idempotency-Key", "feed-" + line + "-" + i).body(Map.of("delta", 1, "reason", "盘点补录"))
                            .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments");
                    assertEquals(200, adjusted.statusCode(), adjusted.asString());
                    changes.add("stock.adjusted " + line + " " + adjusted.path("version"));
                } else {
                    Response registered = given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON)
                            .body(Fixtures.itemBody(code, "2024-01-01")).post("/api/v1/teams/" + team.id() + "/equipment");
                    assertEquals(201, registered.statusCode(), registered.asString());
                    changes.add("equipment.registered " + registered.path("id") + " 0");
                }
            }
            return changes;
        });
        writing.set(false);
        List<JsonNode> read = reader.get(2, TimeUnit.MINUTES);
        reading.shutdown();

        Set<String> expected = new HashSet<>();
        written.forEach(expected::addAll);
        assertEquals(40, expected.size());
        List<String> published = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long position = Cursor.decode(from, "national-center").position();
        for (JsonNode change : read) {
            assertTrue(ids.add(change.path("id").asText()), "each change once: " + change.path("id"));
            long at = Cursor.decode(change.path("cursor").asText(), "national-center").position();
            assertTrue(at > position, "positions increase in reading order");
            position = at;
            published.add(change.path("type").asText() + " " + change.path("entityId").asText() + " "
                    + change.path("entityVersion").asText());
        }
        assertEquals(expected, new HashSet<>(published), "every committed change, and nothing else");
        assertEquals(40, published.size(), "exactly once");
    }

    @Test
    void theContractListsExactlyTheEventTypesTheServicePublishes() throws Exception {
        JsonNode contract = new YAMLMapper().readTree(Path.of("..", "openapi", "equipment-api.yaml").toFile());
        JsonNode schema = contract.path("components").path("schemas").path("ChangeEventType");
        List<String> listed = new ArrayList<>();
        schema.path("enum").forEach(value -> listed.add(value.asText()));
        assertEquals(recorder.eventTypes(), listed.stream().sorted().toList());
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no type twice");
    }

    // --- reading the feed

    static String cursor(String token) {
        return given().auth().oauth2(token).get("/api/v1/changes/cursor").then().statusCode(200).extract().path("cursor");
    }

    static JsonNode page(String token, String after, int limit) {
        String body = given().auth().oauth2(token).queryParam("after", after).queryParam("limit", limit)
                .get("/api/v1/changes").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** Every change after {@code after} that the caller sees, page by page. */
    static List<JsonNode> readAll(String token, String after) {
        List<JsonNode> changes = new ArrayList<>();
        JsonNode page;
        do {
            page = page(token, after, 1000);
            page.path("items").forEach(changes::add);
            after = page.path("next").asText();
        } while (page.path("hasMore").asBoolean());
        return changes;
    }

    static List<String> codesOf(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("items").forEach(c -> codes.add(c.path("data").path("code").asText()));
        return codes;
    }

    static List<String> types(List<JsonNode> changes) {
        return changes.stream().map(c -> c.path("type").asText()).toList();
    }

    // --- what an operation must have published

    static Expected expectGet(String type, String token, String path) {
        Response response = given().auth().oauth2(token).get(path);
        assertEquals(200, response.statusCode(), path);
        JsonNode body = tree(response.asString());
        String etag = response.header("ETag");
        return new Expected(type, UUID.fromString(body.path("id").asText()),
                etag == null ? null : Long.valueOf(etag.replace("\"", "")), body);
    }

    /** A stock line has no GET of its own: as the depot's stock list answers it. */
    static Expected expectStock(String type, String token, UUID depot, UUID line) {
        JsonNode items = tree(given().auth().oauth2(token).queryParam("size", 200).get("/api/v1/depots/" + depot + "/stock")
                .then().statusCode(200).extract().asString()).path("items");
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(line.toString())) {
                return new Expected(type, line, item.path("version").asLong(), item);
            }
        }
        throw new AssertionError("stock line " + line + " not listed");
    }

    static void inspect(String token, String itemPath, String kind, String result, String performedOn) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "result", result, "performedOn", performedOn, "inspector", "李建国"))
                .post(itemPath + "/inspections").then().statusCode(201);
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
