package cn.rescueforce.teams.changes;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One caller following {@code GET /api/v1/changes} over HTTP, and the reads of the changed objects it is compared with. */
final class Feed {

    final String token;
    String cursor;

    private Feed(String token, String cursor) {
        this.token = token;
        this.cursor = cursor;
    }

    /** A follower starting at the feed's head ({@code GET /api/v1/changes/cursor}). */
    static Feed fromNow(String token) {
        return new Feed(token, cursorNow(token));
    }

    static String cursorNow(String token) {
        return given().auth().oauth2(token).get("/api/v1/changes/cursor").then().statusCode(200).extract().path("cursor");
    }

    /** Every change after the follower's cursor, page by page until {@code hasMore} is false; the cursor moves on. */
    List<Map<String, Object>> next() {
        List<Map<String, Object>> all = new ArrayList<>();
        boolean more = true;
        while (more) {
            JsonPath page = page(token, cursor, 1000);
            all.addAll(page.getList("items"));
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        return all;
    }

    static JsonPath page(String token, String after, int limit) {
        var request = given().auth().oauth2(token).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    }

    /** The position a cursor names (kit Cursor: base64url of {@code c1.<position>.<caller>}), for comparisons with the table. */
    static long position(String cursor) {
        return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.")[1]);
    }

    /**
     * The changed object as {@code token}'s own read answers it now (empty when that read answers 403 or 404, or its
     * list does not hold it), with its ETag's version when the read has one.
     */
    static Optional<Read> read(String token, Map<String, Object> change) {
        String entityType = (String) change.get("entityType");
        String id = (String) change.get("entityId");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) change.get("data");
        return switch (entityType) {
            case "SupportingUnit" -> single(token, "/api/v1/supporting-units/" + id);
            case "Team" -> single(token, "/api/v1/teams/" + id);
            case "Member" -> single(token, "/api/v1/members/" + id);
            case "ServiceAgreement" -> single(token, "/api/v1/service-agreements/" + id);
            case "MobilizationOrder" -> single(token, "/api/v1/mobilizations/" + id);
            case "Incident" -> single(token, "/api/v1/incidents/" + id);
            case "Certificate" -> inList(token, "/api/v1/members/" + data.get("memberId") + "/certificates?size=200", id);
            case "Squad" -> single(token, "/api/v1/teams/" + data.get("teamId") + "/squads/" + id);
            case "DutyPeriod" -> single(token, "/api/v1/teams/" + data.get("teamId") + "/duty-roster/" + id);
            case "Drill" -> inList(token, "/api/v1/teams/" + data.get("teamId") + "/drills?size=200", id);
            case "PersonalData" -> inList(token, "/api/v1/audit-events?entityType=PersonalData&entityId=" + id, data.get("id").toString());
            case "PreventiveInspection" -> inList(token, "/api/v1/preventive-inspections?size=200&teamId=" + data.get("teamId"), id);
            case "TechnicalService" -> inList(token, "/api/v1/technical-services?size=200&teamId=" + data.get("teamId"), id);
            case "OutreachActivity" -> inList(token, "/api/v1/outreach-activities?size=200&teamId=" + data.get("teamId"), id);
            case "InsurancePolicy" -> single(token, "/api/v1/insurance-policies/" + id);
            case "DutyInjury" -> inList(token, "/api/v1/members/" + data.get("memberId") + "/duty-injuries?size=200", id);
            case "FigureTargets" -> single(token, "/api/v1/figures/targets");
            case "FigureSnapshot" -> inSeries(token, (String) data.get("month"), (String) data.get("scopeKey"));
            default -> throw new AssertionError("no read known for " + entityType);
        };
    }

    record Read(Map<String, Object> body, Long version) {
    }

    private static Optional<Read> single(String token, String path) {
        Response response = given().auth().oauth2(token).get(path);
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            return Optional.empty();
        }
        assertEquals(200, response.statusCode(), path);
        String etag = response.header("ETag");
        return Optional.of(new Read(response.jsonPath().getMap(""), etag == null ? null : Long.parseLong(etag.replace("\"", ""))));
    }

    /** A monthly snapshot as the caller's series of its scope answers its month. */
    private static Optional<Read> inSeries(String token, String month, String scopeKey) {
        Response response = given().auth().oauth2(token).queryParam("from", month).queryParam("to", month)
                .queryParam("scopeKey", scopeKey).get("/api/v1/figures/series");
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            return Optional.empty();
        }
        assertEquals(200, response.statusCode(), "series of " + scopeKey);
        List<Map<String, Object>> points = response.jsonPath().getList("points");
        return points.stream().findFirst().map(point -> new Read(point, null));
    }

    private static Optional<Read> inList(String token, String path, String id) {
        Response response = given().auth().oauth2(token).get(path);
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            return Optional.empty();
        }
        assertEquals(200, response.statusCode(), path);
        List<Map<String, Object>> items = response.jsonPath().getList("items");
        return items.stream().filter(item -> id.equals(item.get("id"))).findFirst().map(item -> new Read(item, null));
    }

    /** The change's data is what the caller's read of the object answers now, at the version the change names. */
    static void assertIsTheRead(String token, Map<String, Object> change) {
        Read read = read(token, change).orElseThrow(() -> new AssertionError("the caller cannot read " + change.get("entityType")
                + " " + change.get("entityId") + " that its feed shows: " + change));
        assertEquals(read.body(), change.get("data"), "data of " + change.get("type") + " " + change.get("entityId"));
        if (read.version() != null) {
            assertEquals(read.version(), ((Number) change.get("entityVersion")).longValue(), "version of " + change.get("type"));
        }
        assertTrue(change.get("id") != null && UUID.fromString((String) change.get("id")) != null);
    }
}
