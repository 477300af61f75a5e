package cn.rescueforce.teams.agreement;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agreements that live: termination by either party, renewal, expiry, one active agreement at a time, distance. */
@QuarkusTest
class AgreementLifecycleTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";

    @Inject
    AgreementExpiry expiry;

    UUID sichuanUnit;
    UUID miningTeam;
    UUID chemicalTeam;
    LocalDate today;

    @BeforeEach
    void registry() {
        sichuanUnit = Registry.unit("510000");
        miningTeam = Registry.activeTeam("510000", "MINING", sichuanUnit); // based in Chengdu (30.66, 104.06)
        chemicalTeam = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", sichuanUnit);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void eitherPartysLevelsTerminateAnActiveAgreementWithAReason() {
        // a Chongqing enterprise covered by Sichuan teams: the team's levels and Chongqing's are the two parties
        String byUnit = sign(miningTeam, "500000", today.minusMonths(1), today.plusYears(1));
        terminate(Tokens.unit(sichuanUnit), byUnit, "企业关闭退出").statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("TERMINATED")).body("terminationReason", equalTo("企业关闭退出"))
                .body("terminatedByLevel", equalTo("UNIT")).body("$", not(hasKey("daysLeft"))).body("terminatedAt", not(nullValue()));
        terminate(Tokens.unit(sichuanUnit), byUnit, "再次解除").statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));

        String byEnterpriseProvince = sign(miningTeam, "500000", today.minusMonths(1), today.plusYears(1));
        String byEnterpriseBureau = sign(miningTeam, "500000", today.minusMonths(1), today.plusYears(1));
        String chemical = sign(chemicalTeam, "500000", today.minusMonths(1), today.plusYears(1));
        terminate(Tokens.provincial("140000"), byEnterpriseProvince, "无关省份").statusCode(404);
        terminate(Tokens.unit(UUID.randomUUID()), byEnterpriseProvince, "其他企业").statusCode(404);
        terminate(Tokens.mineSafety("500000"), chemical, "非矿山").statusCode(404);
        terminate(Tokens.assessor(UUID.randomUUID()), byEnterpriseProvince, "评估机构").statusCode(403);
        terminate(Tokens.service(), byEnterpriseProvince, "服务").statusCode(403);
        terminate(Tokens.national(), UUID.randomUUID().toString(), "不存在").statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("reason", "无令牌")).post("/api/v1/service-agreements/" + byUnit + "/termination")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.provincial("500000")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/service-agreements/" + byEnterpriseProvince + "/termination").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.provincial("500000")).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body(Map.of("reason", "企业转产")).post("/api/v1/service-agreements/" + byEnterpriseProvince + "/termination")
                .then().statusCode(412);
        given().auth().oauth2(Tokens.provincial("500000")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "企业转产")).post("/api/v1/service-agreements/" + byEnterpriseProvince + "/termination")
                .then().statusCode(200).body("terminatedByLevel", equalTo("PROVINCIAL"));
        terminate(Tokens.mineSafety("500000"), byEnterpriseBureau, "矿井关闭").statusCode(200).body("terminatedByLevel", equalTo("MINE_SAFETY"));
        terminate(Tokens.provincial("510000"), chemical, "队伍调整").statusCode(200);

        String ended = sign(miningTeam, "510000", today.minusYears(2), today.minusDays(1));
        read(Tokens.national(), ended).body("status", equalTo("EXPIRED"));
        terminate(Tokens.national(), ended, "已到期").statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
    }

    @Test
    void aSecondActiveAgreementOfTheEnterpriseWithTheTeamOverTheSamePeriodIsRefused() {
        String code = Registry.creditCode("510000");
        sign(Tokens.unit(sichuanUnit), body(miningTeam, code, "510000", today, today.plusYears(2))).statusCode(201);
        sign(Tokens.provincial("510000"), body(miningTeam, code, "510000", today.plusYears(1), today.plusYears(3))).statusCode(409)
                .body("type", equalTo(PROBLEMS + "agreement-overlap"));
        sign(Tokens.unit(sichuanUnit), body(miningTeam, code, "510000", today.plusYears(2).plusDays(1), today.plusYears(4))).statusCode(201);
        sign(Tokens.unit(sichuanUnit), body(chemicalTeam, code, "510000", today, today.plusYears(2))).statusCode(201);
        String other = Registry.creditCode("510000");
        String first = id(sign(Tokens.unit(sichuanUnit), body(miningTeam, other, "510000", today, today.plusYears(2))));
        terminate(Tokens.unit(sichuanUnit), first, "重新签订").statusCode(200);
        sign(Tokens.unit(sichuanUnit), body(miningTeam, other, "510000", today, today.plusYears(2))).statusCode(201);
    }

    @Test
    void aRenewalIsTheNextTermLinkedToThePreviousOneOnce() {
        String current = sign(miningTeam, "510000", today.minusYears(1), today.plusDays(20));
        ValidatableResponse renewed = renew(Tokens.unit(sichuanUnit), current, Map.of("endsOn", today.plusYears(3).toString()))
                .statusCode(201).body("previousAgreementId", equalTo(current)).body("status", equalTo("ACTIVE"))
                .body("startsOn", equalTo(today.plusDays(21).toString())).body("endsOn", equalTo(today.plusYears(3).toString()))
                .body("coverage", equalTo("鑫源煤矿井下事故的应急救援及预防性安全检查"));
        String next = renewed.extract().path("id");
        read(Tokens.provincial("510000"), next).body("previousAgreementId", equalTo(current));
        read(Tokens.provincial("510000"), current).body("status", equalTo("ACTIVE"));
        renew(Tokens.unit(sichuanUnit), current, Map.of("endsOn", today.plusYears(4).toString())).statusCode(409)
                .body("type", equalTo(PROBLEMS + "agreement-already-renewed"));
        renew(Tokens.unit(sichuanUnit), next, Map.of("startsOn", today.plusYears(3).toString(), "endsOn", today.plusYears(5).toString()))
                .statusCode(400).body("errors.field", hasItem("startsOn"));

        String lapsed = sign(miningTeam, "510000", today.minusYears(3), today.minusDays(10));
        renew(Tokens.mineSafety("510000"), lapsed, Map.of("startsOn", today.toString(), "endsOn", today.plusYears(2).toString(),
                "coverage", "续签：井下事故应急救援")).statusCode(201).body("coverage", equalTo("续签：井下事故应急救援"))
                .body("startsOn", equalTo(today.toString()));

        String terminated = sign(miningTeam, "510000", today.minusYears(1), today.plusYears(1));
        terminate(Tokens.unit(sichuanUnit), terminated, "企业关闭").statusCode(200);
        renew(Tokens.unit(sichuanUnit), terminated, Map.of("endsOn", today.plusYears(3).toString())).statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));

        String another = sign(miningTeam, "500000", today.minusYears(1), today.plusDays(5));
        renew(Tokens.provincial("140000"), another, Map.of("endsOn", today.plusYears(3).toString())).statusCode(404);
        renew(Tokens.unit(UUID.randomUUID()), another, Map.of("endsOn", today.plusYears(3).toString())).statusCode(404);
        renew(Tokens.assessor(UUID.randomUUID()), another, Map.of("endsOn", today.plusYears(3).toString())).statusCode(403);
        renew(Tokens.service(), another, Map.of("endsOn", today.plusYears(3).toString())).statusCode(403);
        renew(Tokens.unit(sichuanUnit), another, Map.of("endsOn", today.toString())).statusCode(400).body("errors.field", hasItem("endsOn"));
        String key = "renew-" + UUID.randomUUID();
        String once = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("endsOn", today.plusYears(3).toString())).post("/api/v1/service-agreements/" + another + "/renewal")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("endsOn", today.plusYears(3).toString())).post("/api/v1/service-agreements/" + another + "/renewal")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(once));
    }

    @Test
    void theExpiryRunRecordsThatAnAgreementEndedAndPublishesIt() {
        String lastDay = sign(miningTeam, "510000", today.minusYears(1), today);
        read(Tokens.national(), lastDay).body("status", equalTo("ACTIVE")).body("daysLeft", equalTo(0));
        String cursor = given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/changes/cursor").then().statusCode(200)
                .extract().path("cursor");
        assertTrue(expiry.expireDue(today.plusDays(1)) >= 1);
        read(Tokens.national(), lastDay).body("status", equalTo("EXPIRED")).body("$", not(hasKey("daysLeft")))
                .header("ETag", equalTo("\"1\""));
        JsonPath changes = given().auth().oauth2(Tokens.unit(sichuanUnit)).queryParam("after", cursor).queryParam("limit", 1000)
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> expired = changes.<Map<String, Object>>getList("items").stream()
                .filter(c -> lastDay.equals(c.get("entityId"))).toList();
        assertTrue(expired.size() == 1 && "agreement.expired".equals(expired.get(0).get("type"))
                && "SERVICE".equals(expired.get(0).get("actorLevel")), expired.toString());
        expiry.expireDue(today.plusDays(1));
        read(Tokens.national(), lastDay).header("ETag", equalTo("\"1\"")); // expired once

        String pastDated = sign(miningTeam, "510000", today.minusYears(2), today.minusYears(1));
        read(Tokens.unit(sichuanUnit), pastDated).body("status", equalTo("EXPIRED")).header("ETag", equalTo("\"0\""));
    }

    @Test
    void aTeamBeyondTheConfiguredDistanceIsAcceptedWithAWarningListedForTheEnterprisesProvince() {
        // Shaanxi enterprises: one near the Sichuan team's base (Chengdu), one in Xi'an, about 600 km away
        String near = id(sign(Tokens.unit(sichuanUnit), located(miningTeam, "610000", 30.70, 104.10)));
        String far = id(sign(Tokens.unit(sichuanUnit), located(miningTeam, "610000", 34.3416, 108.9398)));
        read(Tokens.national(), near).body("warnings", empty()).body("distanceKm", org.hamcrest.Matchers.lessThan(10f))
                .body("enterpriseLocation.lat", equalTo(30.70f));
        read(Tokens.provincial("610000"), far).body("warnings.code", contains("TEAM_BEYOND_DISTANCE"))
                .body("warnings[0].message", org.hamcrest.Matchers.endsWith("farther than 100 km"))
                .body("distanceKm", org.hamcrest.Matchers.greaterThan(500f));
        read(Tokens.unit(sichuanUnit), sign(miningTeam, "610000", today, today.plusYears(1))).body("warnings", empty())
                .body("$", not(hasKey("distanceKm")));
        given().auth().oauth2(Tokens.provincial("610000")).queryParam("beyondDistanceLimit", true).queryParam("enterpriseProvince", "610000")
                .queryParam("size", 200).get("/api/v1/service-agreements").then().statusCode(200)
                .body("items.id", hasItem(far)).body("items.id", not(hasItem(near)));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("beyondDistanceLimit", true).get("/api/v1/service-agreements")
                .then().statusCode(200).body("items.id", not(hasItem(far)));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Map.of("enterpriseName", "测试煤矿", "enterpriseCreditCode", Registry.creditCode("610000"), "enterpriseProvince", "610000",
                        "teamId", miningTeam.toString(), "coverage", "应急救援", "startsOn", today.toString(),
                        "endsOn", today.plusYears(1).toString(), "enterpriseLocation", Map.of("lat", 95, "lon", 108)))
                .post("/api/v1/service-agreements").then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
    }

    @Test
    void aTeamsCoveredEnterprisesAreItsActiveAgreementsInForce() {
        UUID team = Registry.activeTeam("510000", "MINING", sichuanUnit);
        String current = sign(team, "510000", today.minusMonths(6), today.plusMonths(6));
        sign(team, "510000", today.plusMonths(1), today.plusYears(1));
        sign(team, "510000", today.minusYears(2), today.minusDays(1));
        terminate(Tokens.unit(sichuanUnit), sign(team, "510000", today.minusMonths(6), today.plusMonths(6)), "解除").statusCode(200);
        String path = "/api/v1/teams/" + team + "/covered-enterprises";
        for (String token : List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(sichuanUnit),
                Tokens.service())) {
            given().auth().oauth2(token).get(path).then().statusCode(200).body("total", equalTo(1))
                    .body("items.agreementId", contains(current)).body("items[0].enterpriseProvince", equalTo("510000"));
        }
        given().auth().oauth2(Tokens.provincial("500000")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + UUID.randomUUID() + "/covered-enterprises").then().statusCode(404);
    }

    @Test
    void aProvinceSeesWhichOfItsEnterprisesAgreementsEndSoonOrLapsedWithoutRenewal() {
        // Gansu enterprises served by the Sichuan team
        String soon = sign(miningTeam, "620000", today.minusYears(1), today.plusDays(10));
        sign(miningTeam, "620000", today.minusYears(1), today.plusDays(200));
        String lapsed = sign(miningTeam, "620000", today.minusYears(2), today.minusDays(3));
        String renewedLapsed = sign(miningTeam, "620000", today.minusYears(2), today.minusDays(5));
        renew(Tokens.unit(sichuanUnit), renewedLapsed, Map.of("startsOn", today.toString(), "endsOn", today.plusYears(2).toString()))
                .statusCode(201);
        terminate(Tokens.unit(sichuanUnit), sign(miningTeam, "620000", today.minusYears(1), today.plusDays(5)), "解除").statusCode(200);

        String path = "/api/v1/service-agreement-renewals";
        given().auth().oauth2(Tokens.provincial("620000")).queryParam("enterpriseProvince", "620000").queryParam("withinDays", 30)
                .get(path).then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(lapsed, soon))
                .body("items.status", contains("EXPIRED", "ACTIVE"));
        given().auth().oauth2(Tokens.mineSafety("620000")).queryParam("withinDays", 30).get(path).then().statusCode(200)
                .body("items.id", containsInAnyOrder(lapsed, soon));
        given().auth().oauth2(Tokens.provincial("620000")).queryParam("withinDays", 300).get(path).then().statusCode(200)
                .body("total", equalTo(3));
        given().auth().oauth2(Tokens.unit(sichuanUnit)).queryParam("enterpriseProvince", "620000").get(path).then().statusCode(200)
                .body("items.id", hasItem(lapsed)).body("items.id", hasItem(soon));
        given().auth().oauth2(Tokens.national()).queryParam("enterpriseProvince", "620000").get(path).then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(Tokens.provincial("140000")).queryParam("enterpriseProvince", "620000").get(path).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get(path).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.national()).queryParam("withinDays", -1).get(path).then().statusCode(400)
                .body("errors.field", hasItem("withinDays"));

        given().auth().oauth2(Tokens.provincial("620000")).queryParam("status", "TERMINATED").queryParam("enterpriseProvince", "620000")
                .get("/api/v1/service-agreements").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(Tokens.provincial("620000")).queryParam("status", "EXPIRED").queryParam("enterpriseProvince", "620000")
                .get("/api/v1/service-agreements").then().statusCode(200).body("items.id", containsInAnyOrder(lapsed, renewedLapsed));
        given().auth().oauth2(Tokens.provincial("620000")).queryParam("expiringWithinDays", 30).queryParam("enterpriseProvince", "620000")
                .get("/api/v1/service-agreements").then().statusCode(200).body("items.id", contains(soon));
    }

    private String sign(UUID team, String enterpriseProvince, LocalDate startsOn, LocalDate endsOn) {
        return id(sign(Tokens.unit(sichuanUnit), body(team, Registry.creditCode(enterpriseProvince), enterpriseProvince, startsOn, endsOn)));
    }

    private Map<String, Object> located(UUID team, String province, double lat, double lon) {
        Map<String, Object> body = body(team, Registry.creditCode(province), province, today, today.plusYears(1));
        body.put("enterpriseLocation", Map.of("lat", lat, "lon", lon));
        return body;
    }

    static Map<String, Object> body(UUID team, String creditCode, String enterpriseProvince, LocalDate startsOn, LocalDate endsOn) {
        return new java.util.HashMap<>(Map.of("enterpriseName", "珙县鑫源煤业有限公司", "enterpriseCreditCode", creditCode,
                "enterpriseProvince", enterpriseProvince, "teamId", team.toString(), "coverage", "鑫源煤矿井下事故的应急救援及预防性安全检查",
                "startsOn", startsOn.toString(), "endsOn", endsOn.toString()));
    }

    private static ValidatableResponse sign(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/service-agreements").then();
    }

    private static ValidatableResponse terminate(String token, String agreement, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/service-agreements/" + agreement + "/termination").then();
    }

    private static ValidatableResponse renew(String token, String agreement, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/service-agreements/" + agreement + "/renewal").then();
    }

    private static ValidatableResponse read(String token, String agreement) {
        return given().auth().oauth2(token).get("/api/v1/service-agreements/" + agreement).then().statusCode(200);
    }

    private static String id(ValidatableResponse response) {
        return response.statusCode(201).extract().path("id");
    }
}
