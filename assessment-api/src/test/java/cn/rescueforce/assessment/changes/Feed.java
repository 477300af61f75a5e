package cn.rescueforce.assessment.changes;

import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads the change feed as one caller (its token), through the API. */
final class Feed {

    private static final int MAX_PAGES = 500;

    /** What a read found: the changes, in the order answered, and the cursor to resume from. */
    record Read(List<Map<String, Object>> changes, String next) {

        /** The changes of these entities (ids as text). */
        List<Map<String, Object>> of(Collection<?> entityIds) {
            Set<String> ids = entityIds.stream().map(String::valueOf).collect(Collectors.toSet());
            return changes.stream().filter(c -> ids.contains(c.get("entityId"))).toList();
        }

        List<String> typesOf(Collection<?> entityIds) {
            return of(entityIds).stream().map(c -> (String) c.get("type")).toList();
        }

        List<Map<String, Object>> ofEntityType(String entityType) {
            return changes.stream().filter(c -> entityType.equals(c.get("entityType"))).toList();
        }
    }

    private Feed() {
    }

    /** {@code GET /api/v1/changes/cursor}. */
    static String cursor(String token) {
        return given().auth().oauth2(token).get("/api/v1/changes/cursor").then().statusCode(200).extract().path("cursor");
    }

    /** One page after {@code after} (from the oldest kept when null). */
    static JsonPath page(String token, String after, Integer limit) {
        var request = given().auth().oauth2(token);
        if (after != null) {
            request.queryParam("after", after);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        return request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    }

    /** Every page after {@code after}, until one says nothing more is waiting. */
    static Read all(String token, String after) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String cursor = after;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonPath page = page(token, cursor, 50);
            changes.addAll(page.getList("items"));
            cursor = page.getString("next");
            if (!page.getBoolean("hasMore")) {
                return new Read(changes, cursor);
            }
        }
        return fail("the feed did not end within " + MAX_PAGES + " pages");
    }

    /** The position a cursor stands for (the kit's format, {@code base64url("c1.<position>.<caller>")}). */
    static long position(String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
        assertTrue(parts.length == 3 && parts[0].equals("c1"), "not a cursor of the kit's format: " + cursor);
        return Long.parseLong(parts[1]);
    }
}
