package cn.rescueforce.assessment.changes;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.changes.ChangeFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cursors: resuming, an idle feed, cursors that are not the caller's, and the retention (openapi/assessment-api.yaml, listChanges). */
@QuarkusTest
class ChangeCursorsTest {

    @InjectDouble
    TeamsApiDouble teams;

    @Inject
    ChangeFeed feed;

    @Test
    void aClientResumesRightAfterWhatItProcessed() {
        String token = Tokens.national();
        String start = Feed.cursor(token);
        List<UUID> drafted = List.of(Fixtures.draftStandard(), Fixtures.draftStandard(), Fixtures.draftStandard());
        List<String> ids = drafted.stream().map(UUID::toString).toList();

        JsonPath first = Feed.page(token, start, 2);
        assertEquals(ids.subList(0, 2), first.getList("items.entityId"));
        assertTrue(first.getBoolean("hasMore"));
        assertEquals(first.getString("items[1].cursor"), first.getString("next"));
        JsonPath second = Feed.page(token, first.getString("next"), 2);
        assertEquals(ids.subList(2, 3), second.getList("items.entityId"));
        assertFalse(second.getBoolean("hasMore"));
        // from the cursor of the first change processed: the two after it, again
        assertEquals(ids.subList(1, 3), Feed.page(token, first.getString("items[0].cursor"), 10).getList("items.entityId"));
        assertTrue(Feed.position(first.getString("items[0].cursor")) < Feed.position(first.getString("items[1].cursor")));
    }

    @Test
    void anIdleFeedAnswersTheSameCursorAndMovesPastWhatTheCallerMayNotSee() {
        String token = Tokens.unit(UUID.randomUUID());
        String start = Feed.cursor(token);
        JsonPath idle = Feed.page(token, start, null);
        assertEquals(List.of(), idle.getList("items"));
        assertEquals(start, idle.getString("next"));
        assertFalse(idle.getBoolean("hasMore"));

        // a change this unit may not see: nothing for it, but its next cursor moves past it
        Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), UUID.randomUUID());
        JsonPath past = Feed.page(token, start, null);
        assertEquals(List.of(), past.getList("items"));
        assertNotEquals(start, past.getString("next"));
        assertTrue(Feed.position(past.getString("next")) > Feed.position(start));
        JsonPath again = Feed.page(token, past.getString("next"), null);
        assertEquals(List.of(), again.getList("items"));
        assertEquals(past.getString("next"), again.getString("next"));
    }

    @Test
    void aCursorThatIsNotTheCallersIsRefused() {
        String national = Feed.cursor(Tokens.national());
        for (String after : List.of("not-a-cursor", Base64.getUrlEncoder().withoutPadding().encodeToString("c1.x.y".getBytes(StandardCharsets.US_ASCII)))) {
            given().auth().oauth2(Tokens.national()).queryParam("after", after).get("/api/v1/changes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://rescue-force.cn/problems/invalid-cursor"))
                    .body("title", equalTo("Cursor is invalid"));
        }
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("after", national).get("/api/v1/changes").then().statusCode(400)
                .body("type", equalTo("https://rescue-force.cn/problems/invalid-cursor"))
                .body("detail", equalTo("The cursor was given to another caller: use a cursor from your own reads of the feed"));
        given().auth().oauth2(Tokens.national()).queryParam("after", national).get("/api/v1/changes").then().statusCode(200);
        for (int limit : new int[] {0, 1001}) {
            given().auth().oauth2(Tokens.national()).queryParam("limit", limit).get("/api/v1/changes").then().statusCode(400)
                    .body("type", equalTo("https://rescue-force.cn/problems/validation"));
        }
        given().get("/api/v1/changes").then().statusCode(401);
        given().get("/api/v1/changes/cursor").then().statusCode(401);
    }

    @Test
    void aCursorPastTheRetentionHasExpiredAndANewOneFollowsTheFeed() {
        String token = Tokens.national();
        String old = Feed.cursor(token);
        UUID purged = Fixtures.draftStandard();
        assertTrue(feed.purge(Instant.now().plusSeconds(1)) > 0);
        given().auth().oauth2(token).queryParam("after", old).get("/api/v1/changes").then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/cursor-expired"))
                .body("title", equalTo("Cursor expired"));
        // from the oldest kept: the purged change is gone
        assertFalse(Feed.all(token, null).of(List.of(purged)).iterator().hasNext());
        // resynchronized: a new cursor follows the feed again
        String fresh = Feed.cursor(token);
        UUID after = Fixtures.draftStandard();
        List<Map<String, Object>> changes = Feed.all(token, fresh).of(List.of(after));
        assertEquals(List.of("standard.drafted"), changes.stream().map(c -> c.get("type")).toList());
    }
}
