package cn.rescueforce.teams.agreement;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ServiceAgreementTest {

    UUID sichuanUnit;
    UUID miningTeam;
    UUID chemicalTeam;

    @BeforeEach
    void registry() {
        sichuanUnit = Registry.unit("510000");
        miningTeam = Registry.activeTeam("510000", "MINING", sichuanUnit);
        chemicalTeam = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", sichuanUnit);
    }

    @Test
    void theTeamsUnitRecordsAnAgreementWithASmallEnterprise() {
        Map<String, Object> body = agreement(miningTeam, "510000", "2026-01-01", "2028-12-31");
        sign(Tokens.unit(sichuanUnit), body).statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/service-agreements/"))
                .body("enterpriseName", equalTo("珙县鑫源煤业有限公司")).body("enterpriseCreditCode", equalTo(body.get("enterpriseCreditCode")))
                .body("teamId", equalTo(miningTeam.toString())).body("teamProvince", equalTo("510000"))
                .body("teamName", org.hamcrest.Matchers.notNullValue()).body("endsOn", equalTo("2028-12-31"));
    }

    @Test
    void agreementsAreRecordedOnlyByEditorsOfTheTeam() {
        sign(Tokens.national(), agreement(miningTeam, "510000", "2026-01-01", "2027-12-31")).statusCode(201);
        sign(Tokens.provincial("510000"), agreement(miningTeam, "510000", "2026-01-01", "2027-12-31")).statusCode(201);
        sign(Tokens.mineSafety("510000"), agreement(miningTeam, "510000", "2026-01-01", "2027-12-31")).statusCode(201);
        sign(Tokens.mineSafety("510000"), agreement(chemicalTeam, "510000", "2026-01-01", "2027-12-31")).statusCode(404);
        sign(Tokens.provincial("500000"), agreement(miningTeam, "500000", "2026-01-01", "2027-12-31")).statusCode(404);
        sign(Tokens.unit(UUID.randomUUID()), agreement(miningTeam, "510000", "2026-01-01", "2027-12-31")).statusCode(404);
        sign(Tokens.assessor(UUID.randomUUID()), agreement(miningTeam, "510000", "2026-01-01", "2027-12-31")).statusCode(403);
        sign(Tokens.service(), agreement(miningTeam, "510000", "2026-01-01", "2027-12-31")).statusCode(403);
        given().contentType(ContentType.JSON).body(agreement(miningTeam, "510000", "2026-01-01", "2027-12-31"))
                .post("/api/v1/service-agreements").then().statusCode(401);
    }

    @Test
    void theCreditCodeProvinceAndPeriodAreValidated() {
        Map<String, Object> body = agreement(miningTeam, "510000", "2026-01-01", "2027-12-31");
        String code = (String) body.get("enterpriseCreditCode");
        body.put("enterpriseCreditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        sign(Tokens.unit(sichuanUnit), body).statusCode(400).body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("errors.field", hasItem("enterpriseCreditCode"));
        sign(Tokens.unit(sichuanUnit), agreement(miningTeam, "690000", "2026-01-01", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("enterpriseProvince"));
        sign(Tokens.unit(sichuanUnit), agreement(miningTeam, "510000", "2027-01-01", "2026-12-31")).statusCode(400)
                .body("errors.field", hasItem("endsOn"));
        body = agreement(miningTeam, "510000", "2026-01-01", "2027-12-31");
        body.remove("coverage");
        sign(Tokens.unit(sichuanUnit), body).statusCode(400).body("errors.field", hasItem("coverage"));
    }

    @Test
    void theEnterprisesProvinceSeesTheAgreementsOfItsEnterprisesWithATeamElsewhere() {
        // a Chongqing enterprise covered by a Sichuan mine rescue team
        String mining = sign(Tokens.unit(sichuanUnit), agreement(miningTeam, "500000", "2026-01-01", "2027-12-31"))
                .statusCode(201).extract().path("id");
        String chemical = sign(Tokens.unit(sichuanUnit), agreement(chemicalTeam, "500000", "2026-01-01", "2027-12-31"))
                .statusCode(201).extract().path("id");
        read(Tokens.national(), mining, 200);
        read(Tokens.service(), mining, 200);
        read(Tokens.provincial("510000"), mining, 200);
        read(Tokens.provincial("500000"), mining, 200);
        read(Tokens.mineSafety("500000"), mining, 200);
        read(Tokens.mineSafety("500000"), chemical, 404);
        read(Tokens.provincial("500000"), chemical, 200);
        read(Tokens.provincial("140000"), mining, 404);
        read(Tokens.mineSafety("510000"), chemical, 404);
        read(Tokens.unit(sichuanUnit), mining, 200);
        read(Tokens.unit(UUID.randomUUID()), mining, 404);
        read(Tokens.assessor(UUID.randomUUID()), mining, 403);
        read(Tokens.national(), UUID.randomUUID().toString(), 404);
        given().get("/api/v1/service-agreements/" + mining).then().statusCode(401);

        given().auth().oauth2(Tokens.provincial("500000")).queryParam("size", 200).get("/api/v1/service-agreements").then().statusCode(200)
                .body("items.id", hasItem(mining)).body("items.id", hasItem(chemical));
        given().auth().oauth2(Tokens.mineSafety("500000")).queryParam("size", 200).get("/api/v1/service-agreements").then().statusCode(200)
                .body("items.id", hasItem(mining)).body("items.id", not(hasItem(chemical)));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("size", 200).get("/api/v1/service-agreements").then().statusCode(200)
                .body("items.id", not(hasItem(mining)));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/service-agreements").then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/service-agreements").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/service-agreements").then().statusCode(403);
    }

    @Test
    void agreementsExpiringWithinNDaysAreListedSoonestFirst() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String soon = sign(Tokens.unit(sichuanUnit), agreement(miningTeam, "510000", "2024-01-01", today.plusDays(20).toString()))
                .statusCode(201).body("daysLeft", equalTo(20)).extract().path("id");
        String sooner = sign(Tokens.unit(sichuanUnit), agreement(miningTeam, "510000", "2024-01-01", today.plusDays(3).toString()))
                .statusCode(201).extract().path("id");
        sign(Tokens.unit(sichuanUnit), agreement(miningTeam, "510000", "2024-01-01", today.plusDays(400).toString())).statusCode(201);
        sign(Tokens.unit(sichuanUnit), agreement(miningTeam, "510000", "2023-01-01", today.minusDays(1).toString())).statusCode(201)
                .body("$", not(org.hamcrest.Matchers.hasKey("daysLeft")));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("teamId", miningTeam.toString()).queryParam("expiringWithinDays", 30)
                .get("/api/v1/service-agreements").then().statusCode(200).body("total", equalTo(2))
                .body("items.id", contains(sooner, soon)).body("items[0].daysLeft", equalTo(3));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("teamId", miningTeam.toString())
                .get("/api/v1/service-agreements").then().statusCode(200).body("total", equalTo(4));
        given().auth().oauth2(Tokens.national()).queryParam("expiringWithinDays", -1).get("/api/v1/service-agreements")
                .then().statusCode(400).body("errors.field", hasItem("expiringWithinDays"));
        given().auth().oauth2(Tokens.national()).queryParam("sort", "enterpriseName,desc").get("/api/v1/service-agreements").then().statusCode(200);
    }

    static Map<String, Object> agreement(UUID team, String enterpriseProvince, String startsOn, String endsOn) {
        return new HashMap<>(Map.of("enterpriseName", "珙县鑫源煤业有限公司", "enterpriseCreditCode", Registry.creditCode(enterpriseProvince),
                "enterpriseProvince", enterpriseProvince, "teamId", team.toString(),
                "coverage", "鑫源煤矿井下火灾、瓦斯、煤尘爆炸、水害、顶板事故的应急救援及预防性安全检查",
                "startsOn", startsOn, "endsOn", endsOn));
    }

    private ValidatableResponse sign(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/service-agreements").then();
    }

    private void read(String token, String agreement, int status) {
        given().auth().oauth2(token).get("/api/v1/service-agreements/" + agreement).then().statusCode(status);
    }

}
