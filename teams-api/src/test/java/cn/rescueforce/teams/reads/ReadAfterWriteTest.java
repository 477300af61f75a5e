package cn.rescueforce.teams.reads;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamMapper;
import cn.rescueforce.teams.unit.SupportingUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The kept representations (TeamRepresentations, PageRepresentations) and the public answers' caching headers
 * (directory/PublicRevalidation): a read right after a committed write returns the new version, on this replica and on
 * another one, whatever changed the row; revalidations are 304 until something changes, then 200 with a new tag.
 */
@QuarkusTest
class ReadAfterWriteTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** A second replica's cache: its own kept JSON, the same database. */
    private TeamRepresentations otherReplica() {
        TeamRepresentations other = new TeamRepresentations();
        other.dataSource = dataSource;
        other.json = json;
        other.enabled = true;
        other.maxEntries = 100;
        return other;
    }

    /** How the other replica builds a team's representation: from the database, as its TeamResource does. */
    private static Supplier<TeamRepresentations.Built> buildFromDatabase(UUID id, AtomicInteger builds) {
        return () -> {
            builds.incrementAndGet();
            return QuarkusTransaction.requiringNew().call(() -> {
                Team team = Team.findById(id);
                SupportingUnit unit = SupportingUnit.findById(team.supportingUnitId);
                return new TeamRepresentations.Built(TeamMapper.toApi(team, unit.name), team.version);
            });
        };
    }

    private static Map<String, Object> profile(String name) {
        return Map.of("name", name, "specialties", List.of("MINE_FIRE"), "baseLocation", Map.of("lat", 30.66, "lon", 104.06),
                "baseCity", "成都市", "dutyPhone", "028-12345678");
    }

    private static String rename(UUID team, String name) {
        String etag = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", etag).body(profile(name))
                .put("/api/v1/teams/" + team).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aReadRightAfterAWriteThroughAnotherReplicaReturnsTheNewVersion() throws Exception {
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        TeamRepresentations other = otherReplica();
        AtomicInteger builds = new AtomicInteger();

        TeamRepresentations.Probe first = other.probe(team);
        TeamRepresentations.Json before = other.json(first, buildFromDatabase(team, builds));
        TeamRepresentations.Json again = other.json(other.probe(team), buildFromDatabase(team, builds));
        assertEquals(1, builds.get(), "the second read of an unchanged team is served from the kept JSON");
        assertArrayEquals(before.bytes(), again.bytes());

        // the write goes through this application (the first replica) and commits before the answer
        String newTag = rename(team, "改名后的救援队");

        TeamRepresentations.Probe afterWrite = other.probe(team);
        TeamRepresentations.Json after = other.json(afterWrite, buildFromDatabase(team, builds));
        assertEquals(first.version() + 1, after.version());
        assertEquals("\"" + after.version() + "\"", newTag);
        JsonNode read = json.readTree(after.bytes());
        assertEquals("改名后的救援队", read.get("name").asText());
        assertEquals(after.version(), read.get("version").asLong());
        assertEquals(2, builds.get());
        // and this replica, whose kept JSON was the old one too
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200)
                .header("ETag", newTag).body("name", equalTo("改名后的救援队"));
    }

    @Test
    void aRowChangedOutsideTheEntityIsNeverServedFromTheKeptJson() throws Exception {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.team("510000", "MINING", unit);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).body("baseCity", equalTo("成都市"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).body("baseCity", equalTo("成都市"));
        // neither statement moves the team's version: the row states (xmin) tell the kept JSON is old
        sql("update team set base_city = '绵阳市' where id = ?", team);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).body("baseCity", equalTo("绵阳市"));
        sql("update supporting_unit set name = '新名称煤业集团有限公司' where id = ?", unit);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200)
                .body("supportingUnitName", equalTo("新名称煤业集团有限公司"));
    }

    @Test
    void anOutOfScopeTeamIsA404EvenWithItsCurrentETag() {
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        String etag = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.national()).header("If-None-Match", etag).get("/api/v1/teams/" + team).then().statusCode(304);
        given().auth().oauth2(Tokens.provincial("140000")).header("If-None-Match", etag).get("/api/v1/teams/" + team).then()
                .statusCode(404).contentType("application/problem+json").body("type", startsWith("https://"));
        given().auth().oauth2(Tokens.provincial("140000")).header("If-None-Match", etag).get("/api/v1/teams/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.provincial("510000")).header("If-None-Match", etag).get("/api/v1/teams/" + team).then().statusCode(304);
    }

    @Test
    void aListRightAfterAWriteShowsIt() {
        UUID unit = Registry.unit("530000");
        UUID team = Registry.team("530000", "OIL_GAS", unit);
        given().auth().oauth2(Tokens.provincial("530000")).queryParam("province", "530000").queryParam("size", 200).get("/api/v1/teams")
                .then().statusCode(200).body("items.id", hasItem(team.toString()));
        rename(team, "云南石油天然气救援队甲");
        given().auth().oauth2(Tokens.provincial("530000")).queryParam("province", "530000").queryParam("size", 200).get("/api/v1/teams")
                .then().statusCode(200).body("items.name", hasItem("云南石油天然气救援队甲"));
        // the same question from a caller with another scope is not answered from the provincial caller's page
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("province", "530000").queryParam("size", 200).get("/api/v1/teams")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).queryParam("province", "530000").queryParam("size", 200).get("/api/v1/teams")
                .then().statusCode(200).body("items.id", not(hasItem(team.toString())));
    }

    @Test
    void publicAnswersCarryCachingHeadersAndRevalidateUntilAChange() {
        UUID team = Registry.activeTeam("640000", "OTHER", Registry.unit("640000"));
        String tag = given().queryParam("province", "640000").get("/api/v1/public/teams").then().statusCode(200)
                .header("Cache-Control", "public, max-age=5").header("ETag", startsWith("W/\"registry-"))
                .body("items.id", hasItem(team.toString())).extract().header("ETag");
        given().queryParam("province", "640000").header("If-None-Match", tag).get("/api/v1/public/teams").then().statusCode(304)
                .header("ETag", tag).header("Cache-Control", "public, max-age=5");
        given().queryParam("lat", 38.47).queryParam("lon", 106.27).queryParam("category", "OTHER").header("If-None-Match", tag).get("/api/v1/public/nearest-teams")
                .then().statusCode(304).header("ETag", tag);
        given().queryParam("lat", 38.47).queryParam("lon", 106.27).queryParam("category", "OTHER").get("/api/v1/public/nearest-teams").then().statusCode(200)
                .header("ETag", tag).header("Cache-Control", "public, max-age=5");
        // a bad question is still a 400, not a 304, with the current tag too
        given().queryParam("province", "abc").header("If-None-Match", tag).get("/api/v1/public/teams").then().statusCode(400);
        given().queryParam("lat", 38.47).queryParam("lon", 106.27).header("If-None-Match", tag).get("/api/v1/public/nearest-teams")
                .then().statusCode(400);

        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("readiness", "UNAVAILABLE"))
                .post("/api/v1/teams/" + team + "/readiness").then().statusCode(200);
        String changed = given().queryParam("lat", 38.47).queryParam("lon", 106.27).queryParam("category", "OTHER").header("If-None-Match", tag)
                .get("/api/v1/public/nearest-teams").then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, changed);
        given().queryParam("province", "640000").header("If-None-Match", tag).get("/api/v1/public/teams").then().statusCode(200)
                .header("ETag", changed);
        given().queryParam("province", "640000").header("If-None-Match", "\"" + changed.substring(3)).get("/api/v1/public/teams")
                .then().statusCode(304);
    }

    private void sql(String statement, UUID id) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
