package cn.rescueforce.teams.directory;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PublicDirectoryTest {

    @Test
    void anyoneFindsActiveTeamsWithoutAToken() {
        UUID unit = Registry.unit("620000");
        UUID active = Registry.activeTeam("620000", "OIL_GAS", unit);
        UUID proposed = Registry.team("620000", "OIL_GAS", unit);
        given().queryParam("province", "620000").queryParam("category", "OIL_GAS").queryParam("size", 200)
                .get("/api/v1/public/teams").then().statusCode(200)
                .body("items.id", hasItem(active.toString()))
                .body("items.id", not(hasItem(proposed.toString())))
                .body("items.province", everyItem(equalTo("620000")))
                .body("items[0].dutyPhone", equalTo("028-12345678"))
                .body("items[0].supportingUnitId", nullValue())
                .body("items[0].headcount", nullValue());
    }

    @Test
    void theDirectoryValidatesItsFilters() {
        given().queryParam("province", "abc").get("/api/v1/public/teams").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("province"));
        given().queryParam("size", 0).get("/api/v1/public/teams").then().statusCode(400);
    }

    @Test
    void anExitedTeamLeavesTheDirectory() {
        UUID unit = Registry.unit("620000");
        UUID team = Registry.activeTeam("620000", "TUNNEL_CONSTRUCTION", unit);
        given().auth().oauth2(Tokens.national()).contentType("application/json").body(java.util.Map.of("reason", "退出"))
                .post("/api/v1/teams/" + team + "/exit").then().statusCode(200);
        given().queryParam("province", "620000").queryParam("size", 200).get("/api/v1/public/teams")
                .then().body("items.id", not(hasItem(team.toString())));
    }
}
