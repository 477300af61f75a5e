package cn.rescueforce.equipment.compliance;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** A mining configuration with lines for mine fires and flooding, measured for teams with and without them. */
@QuarkusTest
class SpecialtyComplianceTest {

    static final String RECENT = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();

    @Test
    void theComplianceReportCountsTheRequirementsOfTheTeamsSpecialties() {
        String breathing = Fixtures.equipmentType(180, 60);
        String pump = Fixtures.equipmentType(null, null);
        String boat = Fixtures.equipmentType(null, null);
        String configuration = publish(List.of(line(breathing, 10, null), line(breathing, 4, "MINE_FIRE"), line(pump, 1, "MINE_FLOODING"),
                line(boat, 2, "WATER_RESCUE"))).then().statusCode(201)
                .body("lines[1].specialty", equalTo("MINE_FIRE")).body("lines[0].specialty", equalTo(null))
                .extract().path("id");
        given().auth().oauth2(Tokens.unit(java.util.UUID.randomUUID())).get("/api/v1/standard-configurations/" + configuration)
                .then().statusCode(200).body("lines.specialty", equalTo(java.util.Arrays.asList(null, "MINE_FIRE", "MINE_FLOODING", "WATER_RESCUE")));

        Teams.Team fire = Teams.team("510000", Teams.MINING);
        Teams.specialties(fire.id(), "MINE_FIRE", "MINE_FLOODING");
        for (int i = 0; i < 10; i++) {
            Fixtures.item(fire, Fixtures.itemBody(breathing, RECENT));
        }
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/teams/" + fire.id() + "/compliance").then().statusCode(200)
                .body("configurationId", equalTo(configuration))
                .body("specialties", equalTo(List.of("MINE_FIRE", "MINE_FLOODING")))
                .body("lines.equipmentTypeCode", equalTo(List.of(breathing, pump)))
                .body("lines[0].required", equalTo(14)).body("lines[0].gap", equalTo(4))
                .body("lines[0].requiredBySpecialties", equalTo(List.of("MINE_FIRE")))
                .body("lines[1].required", equalTo(1)).body("lines[1].requiredBySpecialties", equalTo(List.of("MINE_FLOODING")))
                .body("requiredTotal", equalTo(15)).body("gapTotal", equalTo(5)).body("compliant", equalTo(false));

        Teams.Team plain = Teams.team("510000", Teams.MINING);
        Teams.specialties(plain.id());
        for (int i = 0; i < 10; i++) {
            Fixtures.item(plain, Fixtures.itemBody(breathing, RECENT));
        }
        given().auth().oauth2(Tokens.service()).get("/api/v1/teams/" + plain.id() + "/compliance").then().statusCode(200)
                .body("specialties", equalTo(List.of()))
                .body("lines.equipmentTypeCode", equalTo(List.of(breathing)))
                .body("lines[0].requiredBySpecialties", equalTo(List.of()))
                .body("requiredTotal", equalTo(10)).body("compliant", equalTo(true)).body("compliancePercent", equalTo(100.0f));

        // the summary measures each team as its own report does, the specialties' lines included (10 of 15 for fire)
        float fireReport = given().auth().oauth2(Tokens.service()).get("/api/v1/teams/" + fire.id() + "/compliance").then()
                .statusCode(200).body("compliancePercent", equalTo(66.7f)).extract().path("compliancePercent");
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("teams", List.of(Map.of("teamId", fire.id().toString(), "category", "MINING"),
                        Map.of("teamId", plain.id().toString(), "category", "MINING")), "lowest", 2))
                .post("/api/v1/compliance-summary").then().statusCode(200)
                .body("measuredTeams", equalTo(2)).body("unmeasuredTeams", equalTo(0))
                .body("lowest[0].teamId", equalTo(fire.id().toString()))
                .body("lowest[0].compliancePercent", equalTo(fireReport))
                .body("lowest[1].teamId", equalTo(plain.id().toString()))
                .body("lowest[1].compliancePercent", equalTo(100.0f));
    }

    @Test
    void aTypeIsListedOncePerSpecialtyAndSpecialtiesAreTheVocabulary() {
        String breathing = Fixtures.equipmentType(180, 60);
        publish(List.of(line(breathing, 2, null), line(breathing, 1, "MINE_FIRE"), line(breathing, 1, "MINE_FIRE")))
                .then().statusCode(400).body("errors.field", equalTo(List.of("lines[2].equipmentTypeCode")))
                .body("errors[0].message", containsString("MINE_FIRE"));
        publish(List.of(line(breathing, 2, null), line(breathing, 1, "FIREFIGHTING"))).then().statusCode(400)
                .body("errors.field", hasItem(startsWith("lines[1].specialty")))
                .body("errors[0].message", containsString("WELL_CONTROL"));
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON)
                .body(Map.of("category", "MINING", "title", "省级标准", "lines", List.of(line(breathing, 1, "MINE_FIRE"))))
                .post("/api/v1/standard-configurations").then().statusCode(403);
    }

    private static io.restassured.response.Response publish(List<Map<String, Object>> lines) {
        return given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Map.of("category", "MINING", "title", "矿山救护队装备配备标准（含专业）", "lines", lines))
                .post("/api/v1/standard-configurations");
    }

    private static Map<String, Object> line(String type, int minimum, String specialty) {
        return specialty == null ? Map.of("equipmentTypeCode", type, "minimumQuantity", minimum)
                : Map.of("equipmentTypeCode", type, "minimumQuantity", minimum, "specialty", specialty);
    }
}
