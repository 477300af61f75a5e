package cn.rescueforce.teams.nearest;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.NaturalDisasterType;
import cn.rescueforce.teams.api.model.Specialty;
import cn.rescueforce.teams.api.model.SpecialtyMatch;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.nearest.NearestTeamSearch.Criteria;
import cn.rescueforce.teams.nearest.NearestTeamSearch.Found;
import cn.rescueforce.teams.nearest.NearestTeamSearch.Wanted;
import cn.rescueforce.teams.reads.ReadVersion;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The responding teams held in memory (RespondingTeams) answer every search exactly as the SQL statement does, for
 * every kind of caller, and are never used once a change has committed after the version they hold: a search right
 * after a write, on this replica or another one, sees the write.
 */
@QuarkusTest
class RespondingTeamsTest {

    private static final String[] PROVINCES = {"140000", "150000"};
    private static boolean seeded;
    private static UUID shanxiUnit;
    private static UUID mongoliaUnit;
    private static final List<UUID> RESPONDING = new ArrayList<>();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NearestTeamSearch search;

    @Inject
    RespondingTeams responding;

    @Inject
    ReadVersion readVersion;

    @ConfigProperty(name = "rescue-force.nearest.max-held")
    int maxHeld;

    @ConfigProperty(name = "rescue-force.nearest.load-interval")
    Duration loadInterval;

    /** 400 teams at random over North China: every category, grade, set of specialties, status and readiness. */
    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        shanxiUnit = Registry.unit("140000");
        mongoliaUnit = Registry.unit("150000");
        Random random = new Random(7);
        Specialty[] specialties = Specialty.values();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into team (id, code, name, category, specialties,"
                     + " province, supporting_unit_id, base_lat, base_lon, base_city, duty_phone, status, readiness, grade,"
                     + " headcount, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, '测试市', '0351-1234567',"
                     + " ?, ?, ?, ?, ?, ?, 1)")) {
            for (int i = 0; i < 400; i++) {
                UUID id = UUID.randomUUID();
                int province = random.nextInt(2);
                List<String> held = new ArrayList<>();
                for (Specialty specialty : specialties) {
                    if (random.nextInt(6) == 0) {
                        held.add(specialty.toString());
                    }
                }
                boolean active = random.nextInt(5) > 0;
                boolean standby = random.nextInt(5) > 0;
                Grade[] grades = Grade.values();
                int grade = random.nextInt(grades.length + 1);
                insert.setObject(1, id);
                insert.setString(2, "HELD-" + id.toString().substring(0, 8));
                insert.setString(3, "测试救援队 " + i);
                insert.setString(4, TeamCategory.values()[random.nextInt(TeamCategory.values().length)].toString());
                insert.setArray(5, connection.createArrayOf("text", held.toArray()));
                insert.setString(6, PROVINCES[province]);
                insert.setObject(7, province == 0 ? shanxiUnit : mongoliaUnit);
                insert.setDouble(8, 36 + random.nextDouble() * 6);
                insert.setDouble(9, 108 + random.nextDouble() * 8);
                insert.setString(10, active ? "ACTIVE" : "PROPOSED");
                insert.setString(11, standby ? "STANDBY" : "UNAVAILABLE");
                insert.setString(12, grade == grades.length ? null : grades[grade].toString());
                insert.setInt(13, 10 + random.nextInt(200));
                insert.setObject(14, java.sql.Timestamp.from(Instant.now()));
                insert.setObject(15, java.sql.Timestamp.from(Instant.now()));
                insert.addBatch();
                if (active && standby) {
                    RESPONDING.add(id);
                }
            }
            insert.executeBatch();
        }
        seeded = true;
    }

    /** Waits until this replica holds the responding teams as of the version now committed. */
    private RespondingTeams.Snapshot heldNow(RespondingTeams teams) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var snapshot = teams.asOf(readVersion.current());
            if (snapshot.isPresent()) {
                return snapshot.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the responding teams were not loaded within 10 s");
    }

    @Test
    void theHeldTeamsAnswerEverySearchAsTheDatabaseDoes() throws Exception {
        RespondingTeams.Snapshot snapshot = heldNow(responding);
        Random random = new Random(11);
        List<TeamScope> scopes = List.of(new TeamScope(true, null, false, null), new TeamScope(false, "140000", false, null),
                new TeamScope(false, "150000", true, null), new TeamScope(false, null, false, shanxiUnit),
                new TeamScope(false, null, false, null));
        Specialty[] specialties = Specialty.values();
        int nonEmpty = 0;
        for (int i = 0; i < 400; i++) {
            List<Specialty> asked = new ArrayList<>();
            for (int n = random.nextInt(3); n > 0; n--) {
                asked.add(specialties[random.nextInt(specialties.length)]);
            }
            Grade minGrade = random.nextInt(3) == 0 ? Grade.values()[random.nextInt(3)] : null;
            NaturalDisasterType disaster = random.nextInt(4) == 0
                    ? NaturalDisasterType.values()[random.nextInt(NaturalDisasterType.values().length)] : null;
            Criteria criteria = new Criteria(35 + random.nextDouble() * 8, 107 + random.nextDouble() * 10,
                    TeamCategory.values()[random.nextInt(TeamCategory.values().length)], minGrade, asked,
                    random.nextBoolean() ? SpecialtyMatch.ALL : SpecialtyMatch.ANY, disaster, 1 + random.nextInt(50));
            TeamScope scope = scopes.get(i % scopes.size());
            Wanted wanted = Wanted.of(criteria);
            List<Found> inMemory = NearestTeamSearch.nearest(snapshot.of(criteria.category()), criteria,
                    team -> wanted.admits(team) && NearestTeamSearch.covered(scope).test(team));
            UnaryOperator<Where> restricted = where -> scope.restrict(where, NearestTeamSearch.COLUMNS);
            List<Found> inSql = QuarkusTransaction.requiringNew().call(() -> search.query(criteria, wanted, restricted));
            assertEquals(ids(inSql), ids(inMemory), criteria + " for " + scope);
            for (int k = 0; k < inSql.size(); k++) {
                assertEquals(inSql.get(k).distanceKm(), inMemory.get(k).distanceKm(), 1e-6, criteria + " for " + scope);
                assertEquals(inSql.get(k), new Found(inMemory.get(k).id(), inMemory.get(k).code(), inMemory.get(k).name(),
                        inMemory.get(k).category(), inMemory.get(k).province(), inMemory.get(k).baseCity(), inMemory.get(k).baseLat(),
                        inMemory.get(k).baseLon(), inMemory.get(k).dutyPhone(), inMemory.get(k).grade(), inMemory.get(k).headcount(),
                        inSql.get(k).distanceKm()));
            }
            nonEmpty += inSql.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 200, "most searches find teams (" + nonEmpty + " of 400)");
    }

    @Test
    void aSearchRightAfterAWriteSeesItOnThisReplicaAndOnAnother() throws Exception {
        RespondingTeams other = new RespondingTeams();
        other.dataSource = dataSource;
        other.maxHeld = maxHeld;
        other.loadInterval = loadInterval;
        heldNow(other);
        heldNow(responding);
        UUID team = RESPONDING.get(0);
        Map<String, Object> at = located(team);
        String nearest = "/api/v1/nearest-teams?lat=" + at.get("lat") + "&lon=" + at.get("lon") + "&category=" + at.get("category") + "&limit=1";
        given().auth().oauth2(Tokens.national()).get(nearest).then().statusCode(200).body("items.id", hasItem(team.toString()));

        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("readiness", "UNAVAILABLE"))
                .post("/api/v1/teams/" + team + "/readiness").then().statusCode(200);

        // the other replica's teams are older than the version now committed: never answered from
        assertFalse(other.asOf(readVersion.current()).isPresent());
        given().auth().oauth2(Tokens.national()).get(nearest).then().statusCode(200).body("items.id", not(hasItem(team.toString())));
        given().get("/api/v1/public/nearest-teams?lat=" + at.get("lat") + "&lon=" + at.get("lon") + "&category=" + at.get("category"))
                .then().statusCode(200).body("items.id", not(hasItem(team.toString())));
        // once loaded again, the held teams no longer have it either
        assertFalse(heldNow(other).of(TeamCategory.fromValue((String) at.get("category"))).stream().anyMatch(t -> t.id().equals(team)));
        heldNow(responding);
        given().auth().oauth2(Tokens.national()).get(nearest).then().statusCode(200).body("items.id", not(hasItem(team.toString())));
        other.stop();
    }

    private Map<String, Object> located(UUID team) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select base_lat, base_lon, category from team where id = ?")) {
            select.setObject(1, team);
            try (var row = select.executeQuery()) {
                row.next();
                return Map.of("lat", row.getDouble(1), "lon", row.getDouble(2), "category", row.getString(3));
            }
        }
    }

    private static List<UUID> ids(List<Found> found) {
        return found.stream().map(Found::id).toList();
    }
}
