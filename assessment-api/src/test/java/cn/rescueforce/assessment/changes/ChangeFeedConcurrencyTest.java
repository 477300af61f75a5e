package cn.rescueforce.assessment.changes;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.AtOnce;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A reader paging through the feed while 8 writers commit changes at once reads every committed change exactly once,
 * in increasing position: positions are taken in commit order (kit ChangeRecorder), so resuming from a cursor never
 * skips a change that committed late.
 */
@QuarkusTest
class ChangeFeedConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int CHANGES_EACH = 6;

    @Test
    void aReaderPagingWhileEightWritersCommitSeesEachChangeOnceInOrder() throws Exception {
        // a unit reads every standard: its own rate-limit bucket, not the writers'
        String token = Tokens.unit(UUID.randomUUID());
        String start = Feed.cursor(token);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Map<String, Object>> read = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            String cursor = start;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline)) {
                // asked before the page: a page read after every writer's answer holds every committed change
                boolean written = !writing.get();
                JsonPath page = Feed.page(token, cursor, 3);
                read.addAll(page.getList("items"));
                cursor = page.getString("next");
                if (!page.getBoolean("hasMore")) {
                    if (written) {
                        return;
                    }
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // polls an idle feed, not faster than its rate limit
                }
            }
            fail("the reader did not reach the end of the feed in time");
        });
        List<List<UUID>> written;
        try {
            written = AtOnce.run(WRITERS, () -> {
                List<UUID> mine = new ArrayList<>();
                for (int i = 0; i < CHANGES_EACH; i++) {
                    mine.add(Fixtures.draftStandard());
                }
                return mine;
            });
        } finally {
            writing.set(false);
        }
        reader.get();

        Set<String> committed = new HashSet<>();
        written.forEach(ids -> ids.forEach(id -> committed.add(id.toString())));
        assertEquals(WRITERS * CHANGES_EACH, committed.size());
        List<Map<String, Object>> ours = read.stream().filter(c -> committed.contains(c.get("entityId"))).toList();
        assertEquals(committed, Set.copyOf(ours.stream().map(c -> c.get("entityId")).toList()), "every committed change is read");
        assertEquals(committed.size(), ours.size(), "each change is read once");
        Set<Object> ids = new HashSet<>();
        long previous = Feed.position(start);
        for (Map<String, Object> change : read) {
            assertTrue(ids.add(change.get("id")), "change " + change.get("id") + " read twice");
            long position = Feed.position((String) change.get("cursor"));
            assertTrue(position > previous, "positions increase: " + position + " after " + previous);
            previous = position;
        }
    }
}
