package cn.rescueforce.teams.insurance;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataField;
import cn.rescueforce.kit.personaldata.PersonalDataKeys;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OccupationalSecurityTest {

    static final String VALIDATION = "https://rescue-force.cn/problems/validation";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OccupationalSecurityService service;

    UUID sichuanUnit;
    UUID miningTeam;
    UUID chemicalTeam;
    String member;
    LocalDate today;

    @BeforeEach
    void registry() {
        sichuanUnit = Registry.unit("510000");
        miningTeam = Registry.activeTeam("510000", "MINING", sichuanUnit);
        chemicalTeam = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", sichuanUnit);
        member = Registry.member(miningTeam, sichuanUnit);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void theTeamsLevelsRecordAPolicyAndOnlyTheLevelsThatReadTheMemberSeeIt() {
        String number = "GS" + System.nanoTime();
        String policy = post(Tokens.unit(sichuanUnit), "/api/v1/members/" + member + "/insurance-policies", policy("WORK_INJURY", number,
                today.minusMonths(1), today.plusMonths(11))).statusCode(201)
                .header("ETag", equalTo("\"0\"")).header("Location", containsString("/api/v1/insurance-policies/"))
                .body("policyNumber", equalTo(number)).body("kind", equalTo("WORK_INJURY")).body("inForce", equalTo(true))
                .body("memberId", equalTo(member)).body("teamId", equalTo(miningTeam.toString())).body("sumInsured", equalTo(800000.0f))
                .extract().path("id");
        for (String token : List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(sichuanUnit))) {
            given().auth().oauth2(token).get("/api/v1/insurance-policies/" + policy).then().statusCode(200)
                    .body("policyNumber", equalTo(number));
            given().auth().oauth2(token).get("/api/v1/members/" + member + "/insurance-policies").then().statusCode(200)
                    .body("items.id", contains(policy));
        }
        for (String token : List.of(Tokens.provincial("500000"), Tokens.mineSafety("500000"), Tokens.unit(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/insurance-policies/" + policy).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/members/" + member + "/insurance-policies").then().statusCode(404);
        }
        for (String token : List.of(Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/insurance-policies/" + policy).then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/members/" + member + "/insurance-policies").then().statusCode(403);
        }
        given().get("/api/v1/insurance-policies/" + policy).then().statusCode(401);
        given().auth().oauth2(Tokens.national()).get("/api/v1/insurance-policies/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.national()).header("If-None-Match", "\"0\"").get("/api/v1/insurance-policies/" + policy)
                .then().statusCode(304);
    }

    @Test
    void theChangeFeedShowsPoliciesAndInjuriesOnlyToTheLevelsThatReadTheMember() {
        List<String> readers = List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(sichuanUnit));
        List<String> others = List.of(Tokens.provincial("500000"), Tokens.mineSafety("500000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()));
        Map<String, String> cursors = new HashMap<>();
        for (String token : concat(readers, others)) {
            cursors.put(token, given().auth().oauth2(token).get("/api/v1/changes/cursor").then().statusCode(200).extract().path("cursor"));
        }
        String number = "GS-FEED-" + System.nanoTime();
        String policy = post(Tokens.unit(sichuanUnit), "/api/v1/members/" + member + "/insurance-policies",
                policy("WORK_INJURY", number, today, today.plusYears(1))).statusCode(201).extract().path("id");
        for (String token : readers) {
            List<Map<String, Object>> seen = changesAfter(token, cursors.get(token), policy);
            assertEquals(1, seen.size(), "a reader of the member sees insurance.recorded");
            assertEquals("insurance.recorded", seen.get(0).get("type"));
            assertEquals(number, ((Map<?, ?>) seen.get(0).get("data")).get("policyNumber"));
        }
        for (String token : others) {
            assertTrue(changesAfter(token, cursors.get(token), policy).isEmpty(), "another level's feed shows the policy");
        }
    }

    private static List<Map<String, Object>> changesAfter(String token, String cursor, String entityId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("after", cursor).queryParam("limit", 1000)
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(change -> entityId.equals(change.get("entityId"))).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void aMemberOfAChemicalTeamIsNotTheMineSafetyBureausAndWritesFollowTheTeamsScope() {
        String chemist = Registry.member(chemicalTeam, sichuanUnit);
        Map<String, Object> body = policy("WORK_INJURY", "GS-1", today, today.plusYears(1));
        post(Tokens.mineSafety("510000"), "/api/v1/members/" + chemist + "/insurance-policies", body).statusCode(404);
        post(Tokens.provincial("500000"), "/api/v1/members/" + member + "/insurance-policies", body).statusCode(404);
        post(Tokens.unit(UUID.randomUUID()), "/api/v1/members/" + member + "/insurance-policies", body).statusCode(404);
        post(Tokens.assessor(UUID.randomUUID()), "/api/v1/members/" + member + "/insurance-policies", body).statusCode(403);
        post(Tokens.service(), "/api/v1/members/" + member + "/insurance-policies", body).statusCode(403);
        post(Tokens.national(), "/api/v1/members/" + UUID.randomUUID() + "/insurance-policies", body).statusCode(404);
        post(Tokens.national(), "/api/v1/members/" + member + "/insurance-policies", body).statusCode(201);
        post(Tokens.provincial("510000"), "/api/v1/members/" + chemist + "/insurance-policies", body).statusCode(201);
        post(Tokens.mineSafety("510000"), "/api/v1/members/" + member + "/insurance-policies", body).statusCode(201);
    }

    @Test
    void thePolicyNumberIsStoredEncryptedAndTheAuditTrailNamesFieldsNotValues() throws Exception {
        String number = "PN" + System.nanoTime();
        String policy = post(Tokens.unit(sichuanUnit), "/api/v1/members/" + member + "/insurance-policies",
                policy("ACCIDENT", number, today, today.plusYears(1))).statusCode(201).extract().path("id");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select * from insurance_policy where id = ?")) {
            statement.setObject(1, UUID.fromString(policy));
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String value = row.getString(column);
                    assertFalse(value != null && value.contains(number), "column " + row.getMetaData().getColumnName(column));
                }
                assertTrue(row.getString("policy_number_encrypted").startsWith("v1."));
            }
        }
        String changed = "PN-NEW-" + System.nanoTime();
        Map<String, Object> update = policy("ACCIDENT", changed, today, today.plusYears(2));
        update.remove("kind");
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put("/api/v1/insurance-policies/" + policy).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("policyNumber", equalTo(changed)).body("validTo", equalTo(today.plusYears(2).toString()));
        String audit = given().auth().oauth2(Tokens.national()).queryParam("entityType", "InsurancePolicy").queryParam("entityId", policy)
                .get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(2))
                .body("items.changedFields.flatten()", hasItem("policyNumber")).extract().asString();
        assertFalse(audit.contains(number) || audit.contains(changed), "the audit trail holds a policy number");
    }

    @Test
    void aPolicyNumberUnderAFormerKeyIsReEncryptedWithTheMembersValues() throws Exception {
        String number = "GS-ROT-" + System.nanoTime();
        String policy = post(Tokens.unit(sichuanUnit), "/api/v1/members/" + member + "/insurance-policies",
                policy("WORK_INJURY", number, today, today.plusYears(1))).statusCode(201).extract().path("id");
        var config = ConfigProvider.getConfig();
        PersonalDataCipher former = new PersonalDataCipher(PersonalDataKeys.parse(config.getValue("rescue-force.personal-data.keys",
                String.class), "dev-1", config.getValue("rescue-force.personal-data.hash-key", String.class), true));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update insurance_policy set policy_number_encrypted = ? where id = ?")) {
            update.setString(1, former.encrypt(new PersonalDataField("insurance_policy.policy_number"), number));
            update.setObject(2, UUID.fromString(policy));
            assertEquals(1, update.executeUpdate());
        }
        given().auth().oauth2(Tokens.national()).get("/api/v1/insurance-policies/" + policy).then().statusCode(200)
                .body("policyNumber", equalTo(number));
        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200)
                .body("remaining", equalTo(0));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select policy_number_encrypted from insurance_policy where id = ?")) {
            select.setObject(1, UUID.fromString(policy));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertTrue(row.getString(1).startsWith("v1.dev-2."), "under the current key");
            }
        }
        given().auth().oauth2(Tokens.unit(sichuanUnit)).get("/api/v1/insurance-policies/" + policy).then().statusCode(200)
                .body("policyNumber", equalTo(number));
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndValidTerms() {
        String policy = post(Tokens.unit(sichuanUnit), "/api/v1/members/" + member + "/insurance-policies",
                policy("WORK_INJURY", "GS-2", today, today.plusYears(1))).statusCode(201).extract().path("id");
        Map<String, Object> update = policy("WORK_INJURY", "GS-2", today, today.plusYears(3));
        update.remove("kind");
        String path = "/api/v1/insurance-policies/" + policy;
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).body(update).put(path).then().statusCode(428);
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(update)
                .put(path).then().statusCode(412);
        given().auth().oauth2(Tokens.provincial("500000")).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put(path).then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put(path).then().statusCode(403);
        Map<String, Object> backwards = new HashMap<>(update);
        backwards.put("validTo", today.minusDays(1).toString());
        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(backwards)
                .put(path).then().statusCode(400).body("errors.field", hasItem("validTo"));
        given().auth().oauth2(Tokens.mineSafety("510000")).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put(path).then().statusCode(200).body("validTo", equalTo(today.plusYears(3).toString()));
    }

    @Test
    void badPoliciesAreRefusedAndAMemberWhoLeftGetsNoNewPolicy() {
        String path = "/api/v1/members/" + member + "/insurance-policies";
        post(Tokens.unit(sichuanUnit), path, policy("WORK_INJURY", "GS-3", today, today.minusDays(1))).statusCode(400)
                .body("type", equalTo(VALIDATION)).body("errors.field", hasItem("validTo"));
        post(Tokens.unit(sichuanUnit), path, policy("PENSION", "GS-3", today, today.plusDays(1))).statusCode(400)
                .body("type", equalTo(VALIDATION));
        Map<String, Object> negative = policy("WORK_INJURY", "GS-3", today, today.plusDays(1));
        negative.put("sumInsured", -1);
        post(Tokens.unit(sichuanUnit), path, negative).statusCode(400).body("type", equalTo(VALIDATION));
        Map<String, Object> missing = policy("WORK_INJURY", "GS-3", today, today.plusDays(1));
        missing.remove("policyNumber");
        post(Tokens.unit(sichuanUnit), path, missing).statusCode(400).body("errors.field", hasItem("policyNumber"));

        given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("role", "RESCUER", "talentType", "SKILLED_CRAFT", "status", "LEFT"))
                .put("/api/v1/members/" + member).then().statusCode(200);
        post(Tokens.unit(sichuanUnit), path, policy("WORK_INJURY", "GS-3", today, today.plusDays(1))).statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/member-left"));
    }

    @Test
    void membersWithoutValidWorkInjuryInsuranceAreListedPerTeam() {
        UUID unit = Registry.unit("450000");
        UUID team = Registry.activeTeam("450000", "MINING", unit);
        String insured = Registry.member(team, unit);
        String accidentOnly = Registry.member(team, unit);
        String lapsed = Registry.member(team, unit);
        String left = Registry.member(team, unit);
        post(Tokens.unit(unit), "/api/v1/members/" + insured + "/insurance-policies",
                policy("WORK_INJURY", "GS-10", today.minusMonths(6), today.plusMonths(6))).statusCode(201);
        post(Tokens.unit(unit), "/api/v1/members/" + accidentOnly + "/insurance-policies",
                policy("ACCIDENT", "AC-11", today.minusMonths(6), today.plusMonths(6))).statusCode(201);
        post(Tokens.unit(unit), "/api/v1/members/" + lapsed + "/insurance-policies",
                policy("WORK_INJURY", "GS-12", today.minusYears(2), today.minusDays(1))).statusCode(201);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("role", "RESCUER", "talentType", "SKILLED_CRAFT", "status", "LEFT"))
                .put("/api/v1/members/" + left).then().statusCode(200);

        String path = "/api/v1/teams/" + team + "/uninsured-members";
        for (String token : List.of(Tokens.national(), Tokens.provincial("450000"), Tokens.mineSafety("450000"), Tokens.unit(unit))) {
            given().auth().oauth2(token).get(path).then().statusCode(200)
                    .body("servingMembers", equalTo(3)).body("insuredMembers", equalTo(1)).body("asOf", equalTo(today.toString()))
                    .body("uninsured.memberId", containsInAnyOrder(accidentOnly, lapsed));
        }
        given().auth().oauth2(Tokens.unit(unit)).queryParam("asOf", today.minusMonths(1).toString()).get(path).then().statusCode(200)
                .body("insuredMembers", equalTo(2)).body("uninsured.memberId", contains(accidentOnly));
        given().auth().oauth2(Tokens.provincial("510000")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.unit(sichuanUnit)).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.service()).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + UUID.randomUUID() + "/uninsured-members").then().statusCode(404);

        // the figures' reading of the same rule, through the service: a unit's scope is its teams
        List<OccupationalSecurityService.TeamShare> shares = QuarkusTransaction.requiringNew()
                .call(() -> service.insuredShare(new TeamScope(false, null, false, unit), today));
        assertEquals(List.of(new OccupationalSecurityService.TeamShare(team, "450000", 3, 1)), shares);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> service.insuredShare(new TeamScope(false, "450000", false, null), today))
                .contains(new OccupationalSecurityService.TeamShare(team, "450000", 3, 1)));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> service.insuredShare(new TeamScope(false, "510000", false, null), today))
                .stream().noneMatch(share -> share.teamId().equals(team)));
    }

    @Test
    void anInjuryOnDutyIsLinkedToAMissionOrADrillOfTheMembersTeam() {
        String drill = given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON)
                .body(Map.of("heldOn", today.minusDays(5).toString(), "type", "FULL_SCALE", "scenario", "井下瓦斯爆炸后搜救被困矿工",
                        "participants", 30, "durationMinutes", 120))
                .post("/api/v1/teams/" + miningTeam + "/drills").then().statusCode(201).extract().path("id");
        String otherDrill = given().auth().oauth2(Tokens.unit(sichuanUnit)).contentType(ContentType.JSON)
                .body(Map.of("heldOn", today.minusDays(5).toString(), "type", "TABLETOP", "scenario", "危化品泄漏处置推演",
                        "participants", 10, "durationMinutes", 60))
                .post("/api/v1/teams/" + chemicalTeam + "/drills").then().statusCode(201).extract().path("id");
        String order = given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON)
                .body(Map.of("teamId", miningTeam.toString(), "incident", Map.of("type", "GAS_EXPLOSION", "severity", "MAJOR",
                        "province", "510000", "location", Map.of("lat", 28.1862, "lon", 105.4411),
                        "address", "四川省泸州市古蔺县石屏镇某煤矿", "description", "井下采煤工作面发生瓦斯爆炸，12人被困")))
                .post("/api/v1/mobilizations").then().statusCode(201).extract().path("id");

        String path = "/api/v1/members/" + member + "/duty-injuries";
        String inDrill = post(Tokens.unit(sichuanUnit), path, injury(today.minusDays(5), null, drill)).statusCode(201)
                .header("ETag", equalTo("\"0\"")).body("drillId", equalTo(drill)).body("severity", equalTo("MINOR"))
                .body("recognizedAsWorkInjury", equalTo(true)).body("daysLost", equalTo(12)).extract().path("id");
        String onMission = post(Tokens.provincial("510000"), path, injury(today, order, null)).statusCode(201)
                .body("mobilizationOrderId", equalTo(order)).extract().path("id");

        post(Tokens.unit(sichuanUnit), path, injury(today, null, otherDrill)).statusCode(400).body("errors.field", hasItem("drillId"));
        post(Tokens.unit(sichuanUnit), path, injury(today, null, UUID.randomUUID().toString())).statusCode(400)
                .body("type", equalTo(VALIDATION)).body("errors.field", hasItem("drillId"));
        post(Tokens.unit(sichuanUnit), path, injury(today, UUID.randomUUID().toString(), null)).statusCode(400)
                .body("errors.field", hasItem("mobilizationOrderId"));
        post(Tokens.unit(sichuanUnit), path, injury(today, order, drill)).statusCode(400).body("type", equalTo(VALIDATION));
        post(Tokens.unit(sichuanUnit), path, injury(today, null, null)).statusCode(400).body("errors.field", hasItem("mobilizationOrderId"));
        post(Tokens.unit(sichuanUnit), path, injury(today.plusDays(1), null, drill)).statusCode(400).body("errors.field", hasItem("occurredOn"));
        post(Tokens.provincial("500000"), path, injury(today, null, drill)).statusCode(404);
        post(Tokens.assessor(UUID.randomUUID()), path, injury(today, null, drill)).statusCode(403);

        given().auth().oauth2(Tokens.mineSafety("510000")).get(path).then().statusCode(200).body("items.id", contains(onMission, inDrill));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("510000")).get(path).then().statusCode(200).body("total", equalTo(2))
                .body("items.id", not(hasItem(UUID.randomUUID().toString())));
    }

    static Map<String, Object> policy(String kind, String number, LocalDate from, LocalDate to) {
        return new HashMap<>(Map.of("kind", kind, "insurer", "宜宾市社会保险事业管理局", "policyNumber", number, "sumInsured", 800000,
                "validFrom", from.toString(), "validTo", to.toString()));
    }

    static Map<String, Object> injury(LocalDate day, String order, String drill) {
        Map<String, Object> body = new HashMap<>(Map.of("occurredOn", day.toString(), "severity", "MINOR",
                "recognizedAsWorkInjury", true, "daysLost", 12, "description", "搬运担架时右踝扭伤"));
        if (order != null) {
            body.put("mobilizationOrderId", order);
        }
        if (drill != null) {
            body.put("drillId", drill);
        }
        return body;
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }
}
