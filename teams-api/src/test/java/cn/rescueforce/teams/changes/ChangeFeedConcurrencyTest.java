package cn.rescueforce.teams.changes;

import cn.rescueforce.devkit.testing.AtOnce;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.member.IdNumber;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed under concurrent writers: 8 writers change the registry at once while a reader pages the feed with a
 * small limit, again and again. Afterwards every committed change was read exactly once, in increasing position,
 * none missing (compared with the feed's table and with the audit trail), and a read from any cursor the reader was
 * given answers exactly the changes after it.
 *
 * <p>Transactions that commit in another order than they started are provoked by plain concurrency through HTTP,
 * no test-only path: the writers mix member additions to one shared team (each holds that team's row lock, so they
 * queue behind each other once they have started) with drills and training records on their own teams (which do
 * not wait), so transactions that started (took their transaction id) earlier often commit after later ones.
 * PostgreSQL shows it: a change's row keeps the id of its transaction ({@code xmin}), given at the transaction's
 * first write or row lock, while the feed's position is taken at commit. The test requires at least one pair of
 * changes whose transaction ids are in the other order than their positions (repeating the round, up to a deadline,
 * until one occurred), so the case it is about did happen.
 */
@QuarkusTest
class ChangeFeedConcurrencyTest {

    static final int WRITERS = 8;
    static final int CHANGES_PER_WRITER = 12;
    static final Duration DEADLINE = Duration.ofMinutes(4);

    @Inject
    AgroalDataSource database;

    @Test
    void everyCommittedChangeIsReadExactlyOnceInOrderWhileWritersCommitInAnyOrder() throws Exception {
        String national = Tokens.national();
        Instant deadline = Instant.now().plus(DEADLINE);
        UUID unit = Registry.unit("510000");
        UUID shared = Registry.activeTeam("510000", "MINING", unit);
        List<UUID> own = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            own.add(Registry.activeTeam("510000", "MINING", unit));
        }
        List<String> ownMembers = own.stream().map(team -> Registry.member(team, unit)).toList();
        int rounds = 0;
        boolean inverted = false;
        while (!inverted) {
            assertTrue(Instant.now().isBefore(deadline), "no two transactions committed out of their starting order in "
                    + rounds + " rounds");
            inverted = round(national, unit, shared, own, ownMembers);
            rounds++;
        }
    }

    /** One round: writers and the reader at once, then every check; whether a commit order differed from the start order. */
    private boolean round(String national, UUID unit, UUID shared, List<UUID> own, List<String> ownMembers) throws Exception {
        String start = Feed.cursorNow(national);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Map<String, Object>> read = Collections.synchronizedList(new ArrayList<>());
        List<Object[]> cursors = Collections.synchronizedList(new ArrayList<>()); // {cursor, changes read before it}
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<Integer> pages = reader.submit(() -> {
            String cursor = start;
            int count = 0;
            boolean more = true;
            // until the writers are done and a last read found nothing more
            while (writing.get() || more) {
                JsonPath page = Feed.page(national, cursor, 5);
                List<Map<String, Object>> items = page.getList("items");
                for (Map<String, Object> item : items) {
                    read.add(item);
                    cursors.add(new Object[]{item.get("cursor"), read.size()});
                }
                cursor = page.getString("next");
                cursors.add(new Object[]{cursor, read.size()});
                more = page.getBoolean("hasMore");
                count++;
            }
            return count;
        });
        List<String> idNumbers = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        while (idNumbers.size() < WRITERS * CHANGES_PER_WRITER) {
            String id = idNumber();
            if (unique.add(id)) {
                idNumbers.add(id);
            }
        }
        AtomicInteger writer = new AtomicInteger();
        List<List<String>> written;
        try {
            written = AtOnce.run(WRITERS, () -> {
                int w = writer.getAndIncrement();
                List<String> changed = new ArrayList<>();
                String token = Tokens.unit(unit);
                for (int i = 0; i < CHANGES_PER_WRITER; i++) {
                    switch (i % 3) {
                        case 0 -> changed.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                                .body(Map.of("name", "李明", "role", "RESCUER", "talentType", "SKILLED_CRAFT",
                                        "idNumber", idNumbers.get(w * CHANGES_PER_WRITER + i), "joinedOn", "2020-05-01"))
                                .post("/api/v1/teams/" + shared + "/members").then().statusCode(201).extract().path("id"));
                        case 1 -> {
                            given().auth().oauth2(token).contentType(ContentType.JSON).body(ChangeFeedTest.drill())
                                    .post("/api/v1/teams/" + own.get(w) + "/drills").then().statusCode(201);
                            changed.add("drill");
                        }
                        default -> {
                            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("memberId", ownMembers.get(w),
                                            "trainedOn", "2026-09-20", "hours", 1, "subject", "正压氧气呼吸器佩用"))
                                    .post("/api/v1/teams/" + own.get(w) + "/training-hours").then().statusCode(201);
                            changed.add(ownMembers.get(w));
                        }
                    }
                }
                return changed;
            });
        } finally {
            writing.set(false);
        }
        int pagesRead = pages.get();
        reader.shutdown();
        assertTrue(pagesRead > 1, "the reader paged while the writers wrote");

        // exactly once, in increasing position, nothing missing: the table holds the same changes in the same order
        List<Long> positions = read.stream().map(c -> Feed.position((String) c.get("cursor"))).toList();
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "positions increase: " + positions);
        }
        List<Object[]> table = rows(Feed.position(start));
        assertEquals(table.stream().map(row -> row[0].toString()).toList(), read.stream().map(c -> c.get("id")).toList(),
                "the feed read while writing is the table's changes, each once, in position order");
        assertEquals(table.stream().map(row -> (Long) row[1]).toList(), positions);
        // one change per operation, and a member added also changes the team's headcount
        int expected = WRITERS * (CHANGES_PER_WRITER + CHANGES_PER_WRITER / 3);
        assertEquals(expected, read.size(), "one change per operation, two for a member added");
        assertEquals(expected, auditEventsSince(table), "the audit trail counts the same changes");
        assertEquals(WRITERS * CHANGES_PER_WRITER / 3, read.stream().filter(c -> "team.headcount-changed".equals(c.get("type"))
                && shared.toString().equals(c.get("entityId"))).count());
        List<String> members = written.stream().flatMap(List::stream).filter(id -> !id.equals("drill")
                && !ownMembers.contains(id)).toList();
        for (String member : members) {
            assertEquals(1, read.stream().filter(c -> member.equals(c.get("entityId"))).count(), "member " + member);
        }
        assertEquals(WRITERS * CHANGES_PER_WRITER / 3, read.stream().filter(c -> "drill.recorded".equals(c.get("type"))).count());

        // a read from every cursor the reader was given answers exactly what follows it
        Map<String, Integer> distinct = new java.util.LinkedHashMap<>();
        for (Object[] cursor : new ArrayList<>(cursors)) {
            distinct.putIfAbsent((String) cursor[0], (Integer) cursor[1]);
        }
        for (Object[] cursor : distinct.entrySet().stream().map(e -> new Object[]{e.getKey(), e.getValue()}).toList()) {
            List<Map<String, Object>> rest = new ArrayList<>();
            String after = (String) cursor[0];
            boolean more = true;
            while (more) {
                JsonPath page = Feed.page(national, after, 1000);
                rest.addAll(page.getList("items"));
                after = page.getString("next");
                more = page.getBoolean("hasMore");
            }
            int before = (Integer) cursor[1];
            assertEquals(read.subList(before, read.size()).stream().map(c -> c.get("id")).toList(),
                    rest.stream().map(c -> c.get("id")).toList(), "after a cursor given after " + before + " changes");
        }

        // did a transaction that started later commit earlier?
        for (int i = 0; i < table.size(); i++) {
            for (int j = i + 1; j < table.size(); j++) {
                if ((Long) table.get(i)[2] > (Long) table.get(j)[2]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The feed's rows after {@code position}: id, position, and the id of the transaction that wrote it. */
    private List<Object[]> rows(long position) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select id, position, xmin::text::bigint from change_event"
                     + " where position > ? order by position")) {
            select.setLong(1, position);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[]{result.getObject(1), result.getLong(2), result.getLong(3)});
                }
            }
            return rows;
        }
    }

    /** The audit events of the changes' entities, written by the same transactions (same transaction ids). */
    private long auditEventsSince(List<Object[]> changes) throws SQLException {
        if (changes.isEmpty()) {
            return 0;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from audit_event where xmin::text::bigint"
                     + " = any (?)")) {
            select.setArray(1, connection.createArrayOf("bigint", changes.stream().map(row -> row[2]).distinct().toArray()));
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A valid resident ID number unlikely to serve anywhere already (random birth date and sequence). */
    static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = String.format("510104%04d%02d%02d%03d", 1960 + random.nextInt(40), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return body + IdNumber.checkDigit(body);
    }
}
