package cn.rescueforce.teams.team;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** A team's specialties are values of the contract's Specialty vocabulary, at registration and in its profile. */
@QuarkusTest
class TeamSpecialtiesTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";

    @Test
    void aRegistrationWithVocabularyValuesKeepsThemInOrderWithoutRepeats() {
        UUID unit = Registry.unit("410000");
        Map<String, Object> body = new HashMap<>(Registry.teamBody("410000", "MINING", unit));
        body.put("specialties", List.of("MINE_FLOODING", "MINE_FIRE", "MINE_FLOODING", "ROOF_FALL"));
        given().auth().oauth2(Tokens.provincial("410000")).contentType(ContentType.JSON).body(body).post("/api/v1/teams")
                .then().statusCode(201).body("specialties", equalTo(List.of("MINE_FLOODING", "MINE_FIRE", "ROOF_FALL")));
    }

    @Test
    void aFreeTextSpecialtyIsRefusedNamingTheAllowedValues() {
        UUID unit = Registry.unit("410000");
        Map<String, Object> body = new HashMap<>(Registry.teamBody("410000", "MINING", unit));
        body.put("specialties", List.of("MINE_FIRE", "FLOODING"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body).post("/api/v1/teams")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", startsWith("specialties"))
                .body("errors[0].message", allOf(containsString("MINE_FLOODING"), containsString("EARTHQUAKE_SEARCH_RESCUE")));
        given().auth().oauth2(Tokens.national()).queryParam("q", body.get("code")).get("/api/v1/teams")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aProfileChangeIsCheckedAgainstTheVocabularyToo() {
        UUID unit = Registry.unit("410000");
        UUID team = Registry.team("410000", "MINING", unit);
        Map<String, Object> profile = new HashMap<>(Map.of("name", "国家矿山应急救援平顶山队", "baseLocation", Map.of("lat", 33.73, "lon", 113.19),
                "dutyPhone", "0375-2721119"));
        profile.put("specialties", List.of("瓦斯爆炸"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(profile)
                .put("/api/v1/teams/" + team).then().statusCode(400).body("errors.field", hasItem(startsWith("specialties")));
        profile.put("specialties", List.of("GAS_COAL_DUST_EXPLOSION", "WATER_RESCUE"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(profile)
                .put("/api/v1/teams/" + team).then().statusCode(200)
                .body("specialties", equalTo(List.of("GAS_COAL_DUST_EXPLOSION", "WATER_RESCUE")));
    }
}
