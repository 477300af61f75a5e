package cn.rescueforce.teams.changes;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.changes.ChangeFeed;
import cn.rescueforce.kit.changes.ChangeRecorder;
import cn.rescueforce.teams.agreement.AgreementExpiry;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change feed of teams-api over HTTP (teams-api.yaml, Changes): every event type comes from its operation with
 * the object as its read answers it, each caller sees exactly what it reads, and cursors resume, expire and belong to
 * their caller. The concurrent case is {@link ChangeFeedConcurrencyTest}.
 */
@QuarkusTest
class ChangeFeedTest {

    static final String VALIDATION = "https://rescue-force.cn/problems/validation";
    static final String INVALID_CURSOR = "https://rescue-force.cn/problems/invalid-cursor";
    static final String PHONE = "13800138000";

    @Inject
    ChangeRecorder recorder;

    @Inject
    ChangeFeed feed;

    @Inject
    AgreementExpiry expiry;

    /** Follows national's feed across one operation: the types it published, each change compared with the read. */
    static List<String> after(Feed national, Runnable operation) {
        operation.run();
        List<Map<String, Object>> changes = national.next();
        for (Map<String, Object> change : changes) {
            Feed.assertIsTheRead(national.token, change);
        }
        return changes.stream().map(c -> (String) c.get("type")).toList();
    }

    static <T> T value(Supplier<T> operation, Feed national, List<String> expectedTypes, Set<String> seen) {
        Object[] result = new Object[1];
        List<String> types = after(national, () -> result[0] = operation.get());
        assertEquals(expectedTypes, types);
        seen.addAll(types);
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    static void step(Runnable operation, Feed national, List<String> expectedTypes, Set<String> seen) {
        value(() -> {
            operation.run();
            return null;
        }, national, expectedTypes, seen);
    }

    static String etag(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    static void post(String token, String path, Object body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(status);
    }

    static String postForId(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> member(String idNumber) {
        return Map.of("name", "王强", "role", "RESCUER", "talentType", "SKILLED_CRAFT", "idNumber", idNumber,
                "phone", PHONE, "joinedOn", "2019-03-01", "trainingHours", 40);
    }

    static Map<String, Object> order(UUID team, String incidentProvince) {
        return Map.of("teamId", team.toString(), "incident", Map.of("type", "GAS_EXPLOSION", "severity", "MAJOR",
                "province", incidentProvince, "location", Map.of("lat", 28.1862, "lon", 105.4411),
                "address", "四川省泸州市古蔺县石屏镇某煤矿", "description", "井下采煤工作面发生瓦斯爆炸，12人被困"));
    }

    static Map<String, Object> agreement(UUID team, String enterpriseProvince) {
        return Map.of("enterpriseName", "珙县鑫源煤业有限公司", "enterpriseCreditCode", Registry.creditCode(enterpriseProvince),
                "enterpriseProvince", enterpriseProvince, "teamId", team.toString(), "coverage", "鑫源煤矿井下事故的应急救援",
                "startsOn", "2026-01-01", "endsOn", "2027-12-31");
    }

    static Map<String, Object> drill() {
        return Map.of("heldOn", "2026-03-10", "type", "FULL_SCALE", "scenario", "井下瓦斯爆炸后搜救被困矿工",
                "participants", 30, "durationMinutes", 120, "findings", "通讯中继设置偏慢");
    }

    @Test
    void everyEventTypeComesFromItsOperationWithTheObjectAsItsReadAnswersIt() {
        String national = Tokens.national();
        Feed feed = Feed.fromNow(national);
        Set<String> seen = new TreeSet<>();

        Map<String, Object> unitBody = new HashMap<>(Registry.unitBody("510000"));
        UUID unit = UUID.fromString(value(() -> postForId(national, "/api/v1/supporting-units", unitBody), feed,
                List.of("supporting-unit.registered"), seen));
        unitBody.put("contactPhone", "028-86005678");
        step(() -> given().auth().oauth2(national).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(unitBody)
                .put("/api/v1/supporting-units/" + unit).then().statusCode(200), feed, List.of("supporting-unit.updated"), seen);

        UUID team = UUID.fromString(value(() -> postForId(national, "/api/v1/teams", Registry.teamBody("510000", "MINING", unit)),
                feed, List.of("team.registered"), seen));
        Map<String, Object> profile = Map.of("name", "国家矿山应急救援芙蓉队", "specialties", List.of("MINE_FIRE", "MINE_FLOODING"),
                "baseLocation", Map.of("lat", 28.2147, "lon", 104.9658), "baseCity", "宜宾市", "dutyPhone", "0831-4561119");
        step(() -> given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .header("If-Match", etag(national, "/api/v1/teams/" + team)).body(profile)
                .put("/api/v1/teams/" + team).then().statusCode(200), feed, List.of("team.profile-updated"), seen);
        step(() -> post(national, "/api/v1/teams/" + team + "/designation", Map.of("reason", "验收合格"), 200), feed,
                List.of("team.designated"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/teams/" + team + "/readiness", Map.of("readiness", "UNAVAILABLE"), 200),
                feed, List.of("team.readiness-changed"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/teams/" + team + "/readiness", Map.of("readiness", "STANDBY"), 200),
                feed, List.of("team.readiness-changed"), seen);

        String member = value(() -> postForId(Tokens.unit(unit), "/api/v1/teams/" + team + "/members", member(Registry.idNumber())),
                feed, List.of("team.headcount-changed", "member.added"), seen);
        step(() -> given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("role", "SQUAD_LEADER", "talentType", "SKILLED_CRAFT", "status", "ACTIVE", "phone", "13900139000"))
                .put("/api/v1/members/" + member).then().statusCode(200), feed, List.of("member.updated"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/teams/" + team + "/training-hours", Map.of("memberId", member,
                "trainedOn", "2026-09-20", "hours", 8, "subject", "正压氧气呼吸器佩用"), 201), feed, List.of("member.training-recorded"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/members/" + member + "/certificates", Map.of("name", "矿山救护队员资格证",
                "issuer", "国家矿山安全监察局四川局", "issuedOn", "2024-03-15", "expiresOn", "2029-03-14"), 201), feed,
                List.of("certificate.recorded"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/teams/" + team + "/drills", drill(), 201), feed, List.of("drill.recorded"), seen);
        step(() -> post(Tokens.provincial("510000"), "/api/v1/service-agreements", agreement(team, "510000"), 201), feed,
                List.of("agreement.recorded"), seen);
        // a squad of the member, on duty for a day, taken off the roster, then disbanded
        String squad = value(() -> postForId(Tokens.unit(unit), "/api/v1/teams/" + team + "/squads",
                Map.of("name", "一中队", "leaderId", member, "memberIds", List.of())), feed, List.of("squad.formed"), seen);
        step(() -> given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "救护一中队", "leaderId", member, "memberIds", List.of(member)))
                .put("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(200), feed, List.of("squad.updated"), seen);
        String period = value(() -> postForId(Tokens.unit(unit), "/api/v1/teams/" + team + "/duty-roster",
                Map.of("squadId", squad, "startsAt", "2096-01-01T00:00:00Z", "endsAt", "2096-01-02T00:00:00Z")), feed,
                List.of("duty-roster.scheduled"), seen);
        step(() -> given().auth().oauth2(Tokens.unit(unit)).header("If-Match", "\"0\"")
                .delete("/api/v1/teams/" + team + "/duty-roster/" + period).then().statusCode(204), feed,
                List.of("duty-roster.cancelled"), seen);
        step(() -> given().auth().oauth2(Tokens.unit(unit)).header("If-Match", "\"1\"")
                .delete("/api/v1/teams/" + team + "/squads/" + squad).then().statusCode(204), feed, List.of("squad.disbanded"), seen);
        // between rescues: prevention and service work, members' security, agreements that live
        step(() -> post(Tokens.unit(unit), "/api/v1/teams/" + team + "/preventive-inspections", Map.of("enterpriseName", "珙县鑫源煤业有限公司",
                "enterpriseCreditCode", Registry.creditCode("510000"), "inspectedOn", "2026-03-12",
                "hazards", List.of(Map.of("kind", "GAS", "count", 2))), 201), feed, List.of("prevention.inspection-recorded"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/teams/" + team + "/technical-services", Map.of("kind", "GAS_DISCHARGE",
                "client", "珙县鑫源煤业有限公司", "startedOn", "2026-03-13", "days", 1), 201), feed, List.of("service.recorded"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/teams/" + team + "/outreach-activities", Map.of("kind", "TRAINING",
                "heldOn", "2026-03-14", "audience", "ENTERPRISE_STAFF", "topic", "自救器佩戴", "participants", 60), 201), feed,
                List.of("outreach.recorded"), seen);
        String policy = value(() -> postForId(Tokens.unit(unit), "/api/v1/members/" + member + "/insurance-policies", Map.of(
                "kind", "WORK_INJURY", "insurer", "宜宾市社会保险事业管理局", "policyNumber", "GS5115002026000123", "sumInsured", 800000,
                "validFrom", "2026-01-01", "validTo", "2026-12-31")), feed, List.of("insurance.recorded"), seen);
        step(() -> given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("insurer", "宜宾市社会保险事业管理局", "policyNumber", "GS5115002027000123", "sumInsured", 800000,
                        "validFrom", "2026-01-01", "validTo", "2027-12-31"))
                .put("/api/v1/insurance-policies/" + policy).then().statusCode(200), feed, List.of("insurance.updated"), seen);
        String injuryDrill = value(() -> postForId(Tokens.unit(unit), "/api/v1/teams/" + team + "/drills", drill()), feed,
                List.of("drill.recorded"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/members/" + member + "/duty-injuries", Map.of("occurredOn", "2026-03-10",
                "drillId", injuryDrill, "severity", "MINOR", "recognizedAsWorkInjury", true, "daysLost", 5), 201), feed,
                List.of("injury.recorded"), seen);
        String signed = value(() -> postForId(Tokens.unit(unit), "/api/v1/service-agreements", agreement(team, "510000")), feed,
                List.of("agreement.recorded"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/service-agreements/" + signed + "/renewal", Map.of("endsOn", "2030-12-31"), 201),
                feed, List.of("agreement.renewed"), seen);
        step(() -> post(Tokens.provincial("510000"), "/api/v1/service-agreements/" + signed + "/termination", Map.of("reason", "企业关闭"),
                200), feed, List.of("agreement.terminated"), seen);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> ending = new HashMap<>(agreement(team, "510000"));
        ending.put("endsOn", today.toString());
        value(() -> postForId(Tokens.unit(unit), "/api/v1/service-agreements", ending), feed, List.of("agreement.recorded"), seen);
        step(() -> expiry.expireDue(today.plusDays(1)), feed, List.of("agreement.expired"), seen);

        // an order sends the team out and its completion lets it recover: the team's readiness changes in the same transaction
        // issued with its own incident facts, the order opens an incident of its own
        String order = value(() -> postForId(national, "/api/v1/mobilizations", order(team, "510000")), feed,
                List.of("incident.opened", "mobilization.issued", "team.readiness-changed"), seen);
        for (String[] stepAndType : new String[][]{{"acknowledgement", "mobilization.acknowledged"},
                {"departure", "mobilization.en-route"}, {"arrival", "mobilization.on-site"}}) {
            step(() -> given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                    .post("/api/v1/mobilizations/" + order + "/" + stepAndType[0]).then().statusCode(200), feed,
                    List.of(stepAndType[1]), seen);
        }
        step(() -> given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .post("/api/v1/mobilizations/" + order + "/completion").then().statusCode(200), feed,
                List.of("mobilization.completed", "team.readiness-changed"), seen);
        UUID other = Registry.activeTeam("510000", "MINING", unit);
        feed.next();
        String cancelled = value(() -> postForId(Tokens.provincial("510000"), "/api/v1/mobilizations", order(other, "510000")),
                feed, List.of("incident.opened", "mobilization.issued", "team.readiness-changed"), seen);
        step(() -> post(Tokens.provincial("510000"), "/api/v1/mobilizations/" + cancelled + "/cancellation",
                Map.of("reason", "险情已排除，取消调动"), 200), feed, List.of("mobilization.cancelled", "team.readiness-changed"), seen);

        // an incident under one command: opened, a team engaged, the command center set, reported on, contained, closed
        String sichuan = Tokens.provincial("510000");
        String incident = value(() -> postForId(sichuan, "/api/v1/incidents", Map.of("type", "MINING_ACCIDENT",
                "title", "珙县某煤矿透水事故", "severity", "LARGER", "provinces", List.of("510000"),
                "location", Map.of("lat", 28.44, "lon", 104.71), "occurredAt", java.time.Instant.now().minusSeconds(600).toString())),
                feed, List.of("incident.opened"), seen);
        String underIncident = value(() -> postForId(sichuan, "/api/v1/mobilizations", Map.of("teamId", other.toString(),
                "incidentId", incident, "task", "DRAINAGE")), feed,
                List.of("incident.team-engaged", "mobilization.issued", "team.readiness-changed"), seen);
        step(() -> given().auth().oauth2(sichuan).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("commander", "李明", "contactPhone", "0831-4561119", "location", Map.of("lat", 28.45, "lon", 104.70)))
                .put("/api/v1/incidents/" + incident + "/command-center").then().statusCode(200), feed, List.of("incident.updated"), seen);
        step(() -> post(Tokens.unit(unit), "/api/v1/incidents/" + incident + "/situation-reports",
                Map.of("orderId", underIncident, "rescuedAlive", 3), 201), feed, List.of("incident.situation-reported"), seen);
        step(() -> post(sichuan, "/api/v1/incidents/" + incident + "/containment", Map.of(), 200), feed,
                List.of("incident.contained"), seen);
        step(() -> post(sichuan, "/api/v1/mobilizations/" + underIncident + "/cancellation", Map.of("reason", "排水完成，撤离"), 200),
                feed, List.of("mobilization.cancelled", "team.readiness-changed"), seen);
        step(() -> post(sichuan, "/api/v1/incidents/" + incident + "/closure", Map.of("summary", "3人获救",
                "lessonsLearned", "探放水措施未落实"), 200), feed, List.of("incident.closed"), seen);

        step(() -> post(national, "/api/v1/teams/" + team + "/rectification", Map.of("reason", "年度考核不合格"), 200), feed,
                List.of("team.placed-in-rectification"), seen);
        step(() -> post(Tokens.provincial("510000"), "/api/v1/teams/" + team + "/exit-proposal", Map.of("reason", "整改不到位"), 200),
                feed, List.of("team.exit-proposed"), seen);
        step(() -> post(national, "/api/v1/teams/" + team + "/exit", Map.of("reason", "整改不到位，退出国家队序列"), 200), feed,
                List.of("team.exited"), seen);
        UUID proposed = Registry.team("510000", "MINING", unit);
        feed.next();
        step(() -> post(Tokens.service(), "/api/v1/teams/" + proposed + "/assessment-results", Map.of("assessmentId",
                UUID.randomUUID().toString(), "assessmentType", "ACCEPTANCE", "grade", "GRADE_2", "validUntil", "2028-11-23",
                "finalizedAt", "2026-11-23T02:00:00Z", "standardCode", "MINE-RESCUE-2026"), 200), feed,
                List.of("team.designated", "team.assessment-result-applied"), seen); // a passed acceptance designates too
        step(() -> given().auth().oauth2(national).post("/api/v1/personal-data/re-encryption").then().statusCode(200), feed,
                List.of("personal-data.re-encrypted"), seen);
        step(() -> given().auth().oauth2(national).contentType(ContentType.JSON).header("If-Match", etag(national, "/api/v1/figures/targets"))
                .body(Map.of("targets", List.of(Map.of("category", "MINING", "due", "2035-12-31", "teams", 110, "rescuers", 20000))))
                .put("/api/v1/figures/targets").then().statusCode(200), feed, List.of("figures.target-set"), seen);
        // a month long before any data: its one scope is the whole registry
        step(() -> post(national, "/api/v1/figures/snapshots", Map.of("month", "2001-01"), 200), feed,
                List.of("figures.snapshot-taken"), seen);

        assertEquals(new TreeSet<>(recorder.eventTypes()), seen, "every event type of the service was produced");
    }

    @Test
    void eachCallerSeesExactlyTheChangesOfWhatItsOwnReadsAnswer() {
        List<Map<String, Object>> unitBodies = new ArrayList<>();
        List<UUID> units = new ArrayList<>();
        for (String province : List.of("510000", "510000", "530000")) {
            Map<String, Object> body = new HashMap<>(Registry.unitBody(province));
            unitBodies.add(body);
            units.add(UUID.fromString(postForId(Tokens.national(), "/api/v1/supporting-units", body)));
        }
        UUID unitA = units.get(0);
        UUID unitB = units.get(1);
        UUID unitC = units.get(2);
        UUID assessorOrg = UUID.randomUUID();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("provincial 510000", Tokens.provincial("510000"));
        callers.put("provincial 530000", Tokens.provincial("530000"));
        callers.put("mine-safety 510000", Tokens.mineSafety("510000"));
        callers.put("mine-safety 530000", Tokens.mineSafety("530000"));
        callers.put("unit A", Tokens.unit(unitA));
        callers.put("unit B", Tokens.unit(unitB));
        callers.put("unit C", Tokens.unit(unitC));
        callers.put("assessor", Tokens.assessor(assessorOrg));
        callers.put("service", Tokens.service());
        Feed national = Feed.fromNow(Tokens.national());
        Map<String, Feed> feeds = new LinkedHashMap<>();
        callers.forEach((name, token) -> feeds.put(name, Feed.fromNow(token)));

        // the units were registered before the cursors were taken: an update of each is in the feeds
        for (int i = 0; i < units.size(); i++) {
            unitBodies.get(i).put("contactPhone", "028-8600567" + i);
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(unitBodies.get(i)).put("/api/v1/supporting-units/" + units.get(i)).then().statusCode(200);
        }
        // a mining team of 510000 (unit A), a chemicals team of 510000 (unit B), a mining team of 530000 (unit C)
        UUID mining = Registry.activeTeam("510000", "MINING", unitA);
        UUID chemicals = Registry.activeTeam("510000", "HAZARDOUS_CHEMICALS", unitB);
        UUID yunnan = Registry.activeTeam("530000", "MINING", unitC);
        String idNumber = Registry.idNumber();
        String member = postForId(Tokens.unit(unitA), "/api/v1/teams/" + mining + "/members", member(idNumber));
        String chemist = postForId(Tokens.unit(unitB), "/api/v1/teams/" + chemicals + "/members", member(Registry.idNumber()));
        post(Tokens.unit(unitA), "/api/v1/members/" + member + "/certificates", Map.of("name", "矿山救护队员资格证",
                "issuer", "国家矿山安全监察局四川局", "issuedOn", "2024-03-15"), 201);
        post(Tokens.unit(unitC), "/api/v1/teams/" + yunnan + "/drills", drill(), 201);
        post(Tokens.unit(unitB), "/api/v1/teams/" + chemicals + "/drills", drill(), 201);
        post(Tokens.provincial("510000"), "/api/v1/service-agreements", agreement(chemicals, "510000"), 201);
        // a cross-province mobilization (national only): the team's province reads the order, the incident's does not
        String crossProvince = postForId(Tokens.national(), "/api/v1/mobilizations", order(mining, "530000"));
        given().auth().oauth2(Tokens.provincial("530000")).get("/api/v1/mobilizations/" + crossProvince).then().statusCode(404);
        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200);

        List<Map<String, Object>> everything = national.next();
        Map<String, Map<String, Object>> latest = latestByEntity(everything);
        assertTrue(latest.keySet().containsAll(Set.of(member, chemist, crossProvince, mining.toString(), unitC.toString())));
        for (Map<String, Object> change : latest.values()) {
            Feed.assertIsTheRead(national.token, change);
        }
        // the service account reads teams, units, drills and agreements (members, certificates, orders and the
        // audit trail are not its reads: the kit's Audience lets services see every change, see the report)
        Set<String> serviceReads = Set.of("Team", "SupportingUnit", "Drill", "ServiceAgreement");
        Map<String, Map<String, Map<String, Object>>> seenBy = new LinkedHashMap<>();
        feeds.forEach((name, follower) -> {
            Map<String, Map<String, Object>> mine = latestByEntity(follower.next());
            seenBy.put(name, mine);
            for (Map<String, Object> change : latest.values()) {
                if (name.equals("service") && !serviceReads.contains((String) change.get("entityType"))) {
                    continue;
                }
                String entity = (String) change.get("entityId");
                boolean reads = Feed.read(follower.token, change).isPresent();
                assertEquals(reads, mine.containsKey(entity), name + (reads ? " reads " : " does not read ")
                        + change.get("entityType") + " " + entity + " but its feed " + (reads ? "lacks" : "shows") + " it");
                if (reads) {
                    Feed.assertIsTheRead(follower.token, mine.get(entity));
                }
            }
            assertTrue(latest.keySet().containsAll(mine.keySet()), name + " sees only changes of this test");
        });
        // the rules spelled out, besides "as its reads"
        assertTrue(seenBy.get("provincial 510000").keySet().containsAll(Set.of(mining.toString(), chemicals.toString(),
                member, chemist, crossProvince, unitA.toString(), unitB.toString())));
        assertFalse(seenBy.get("provincial 510000").containsKey(yunnan.toString()));
        assertFalse(seenBy.get("provincial 530000").containsKey(crossProvince), "the incident's province does not see the order");
        assertTrue(seenBy.get("mine-safety 510000").keySet().containsAll(Set.of(mining.toString(), member, crossProvince,
                unitA.toString(), unitB.toString())));
        assertFalse(seenBy.get("mine-safety 510000").containsKey(chemicals.toString()), "mine-safety does not see a chemicals team");
        assertFalse(seenBy.get("mine-safety 510000").containsKey(chemist));
        // the order's own incident (opened with it) is read by the levels of its team as well as of its province
        String incident = given().auth().oauth2(Tokens.national()).get("/api/v1/mobilizations/" + crossProvince).then()
                .extract().path("incidentId");
        assertTrue(seenBy.get("provincial 530000").containsKey(incident), "the incident's province sees the incident");
        assertEquals(Set.of(unitA.toString(), mining.toString(), member, crossProvince, incident), seenBy.get("unit A").keySet().stream()
                .filter(id -> !id.equals(latestCertificate(latest))).collect(java.util.stream.Collectors.toSet()));
        assertTrue(seenBy.get("assessor").isEmpty(), "an assessor reads nothing of teams-api");
        assertTrue(seenBy.get("service").keySet().containsAll(Set.of(mining.toString(), chemicals.toString(), yunnan.toString())));
    }

    static String latestCertificate(Map<String, Map<String, Object>> latest) {
        return latest.values().stream().filter(c -> "Certificate".equals(c.get("entityType")))
                .map(c -> (String) c.get("entityId")).findFirst().orElseThrow();
    }

    @Test
    void aMembersDataIsMaskedAsItsReadAndTheClearIdNumberNeverLeaves() {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        List<String> readers = List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"),
                Tokens.unit(unit));
        List<String> cursors = readers.stream().map(Feed::cursorNow).toList();
        String idNumber = Registry.idNumber();
        String member = postForId(Tokens.unit(unit), "/api/v1/teams/" + team + "/members", member(idNumber));
        for (int i = 0; i < readers.size(); i++) {
            String raw = given().auth().oauth2(readers.get(i)).queryParam("after", cursors.get(i)).get("/api/v1/changes")
                    .then().statusCode(200).body("items.findAll { it.entityId == '" + member + "' }", hasSize(1))
                    .body("items.find { it.entityId == '" + member + "' }.data.idNumberMasked",
                            equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                    .body("items.find { it.entityId == '" + member + "' }.data.phone", equalTo(PHONE))
                    .extract().asString();
            assertFalse(raw.contains(idNumber), "the clear ID number in the feed");
            assertFalse(raw.contains(idNumber.substring(6, 14)), "the birth date in the feed");
        }
        // the levels that do not read members see no member change at all (so no phone)
        given().auth().oauth2(Tokens.provincial("530000")).queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200)
                .body("items.findAll { it.entityId == '" + member + "' }", hasSize(0));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200)
                .body("items.findAll { it.entityId == '" + member + "' }", hasSize(0));
    }

    @Test
    void cursorsResumeRightAfterTheirChangeAndNextStaysPutWhenIdle() {
        String national = Tokens.national();
        String start = Feed.cursorNow(national);
        // taken before anything changed: following it now is an idle read that answers the same cursor
        Feed.page(national, start, 10);
        JsonPath idle = Feed.page(national, start, 10);
        assertEquals(List.of(), idle.getList("items"));
        assertEquals(start, idle.getString("next"));
        assertFalse(idle.getBoolean("hasMore"));

        List<String> units = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            units.add(Registry.unit("510000").toString());
        }
        List<Map<String, Object>> read = new ArrayList<>();
        String cursor = start;
        boolean more = true;
        while (more) {
            JsonPath page = Feed.page(national, cursor, 1);
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= 1, "limit 1");
            read.addAll(items);
            more = page.getBoolean("hasMore");
            cursor = page.getString("next");
        }
        assertEquals(units, read.stream().map(c -> c.get("entityId")).toList());
        for (int i = 0; i < read.size(); i++) {
            List<Map<String, Object>> rest = Feed.page(national, (String) read.get(i).get("cursor"), 1000).getList("items");
            assertEquals(read.subList(i + 1, read.size()), rest, "after the cursor of change " + i);
        }
        JsonPath atEnd = Feed.page(national, cursor, 1000);
        assertEquals(List.of(), atEnd.getList("items"));
        assertEquals(cursor, atEnd.getString("next"), "an idle feed answers the same cursor");
        assertTrue(Feed.position(cursor) > Feed.position(start));
    }

    @Test
    void theBootstrapCursorIsTakenBeforeAFullReadAndMissesNothingAfterIt() {
        String provincial = Tokens.provincial("510000");
        String cursor = Feed.cursorNow(provincial);
        given().auth().oauth2(provincial).queryParam("size", 200).get("/api/v1/teams").then().statusCode(200);
        UUID unit = Registry.unit("510000");
        UUID team = Registry.team("510000", "OIL_GAS", unit);
        List<Map<String, Object>> changes = Feed.page(provincial, cursor, 1000).getList("items");
        assertEquals(List.of(unit.toString(), team.toString()), changes.stream().map(c -> c.get("entityId")).toList());
        assertEquals(List.of("supporting-unit.registered", "team.registered"), changes.stream().map(c -> c.get("type")).toList());
        // every level may take a cursor and read (what it sees is its scope)
        for (String token : List.of(Tokens.assessor(UUID.randomUUID()), Tokens.service(), Tokens.mineSafety("510000"),
                Tokens.unit(unit))) {
            Feed.page(token, Feed.cursorNow(token), 10);
        }
        given().get("/api/v1/changes/cursor").then().statusCode(401);
        given().get("/api/v1/changes").then().statusCode(401);
    }

    @Test
    void aCursorIsOnlyTheCallersAndAMalformedOneIsRefused() {
        String national = Tokens.national();
        String provincials = Feed.cursorNow(Tokens.provincial("510000"));
        given().auth().oauth2(national).queryParam("after", provincials).get("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(INVALID_CURSOR)).body("title", equalTo("Cursor is invalid"));
        given().auth().oauth2(Tokens.provincial("530000")).queryParam("after", provincials).get("/api/v1/changes").then()
                .statusCode(400).body("type", equalTo(INVALID_CURSOR));
        for (String malformed : List.of("not-a-cursor", "YzEuNDgyMTM", "Yz!!", java.util.Base64.getUrlEncoder()
                .encodeToString("c1.-5.x".getBytes()), java.util.Base64.getUrlEncoder().encodeToString("c2.5.abc".getBytes()))) {
            given().auth().oauth2(national).queryParam("after", malformed).get("/api/v1/changes").then().statusCode(400)
                    .body("type", equalTo(INVALID_CURSOR));
        }
        given().auth().oauth2(national).queryParam("after", provincials).get("/api/v1/changes/cursor").then().statusCode(200);
    }

    @Test
    void theLimitIsBetweenOneAndAThousand() {
        String national = Tokens.national();
        for (int limit : new int[]{0, -1, 1001}) {
            given().auth().oauth2(national).queryParam("limit", limit).get("/api/v1/changes").then().statusCode(400)
                    .body("type", equalTo(VALIDATION)).body("errors.field", org.hamcrest.Matchers.hasItem("limit"));
        }
        given().auth().oauth2(national).queryParam("limit", "many").get("/api/v1/changes").then().statusCode(400)
                .body("type", equalTo(VALIDATION));
        String cursor = Feed.cursorNow(national);
        Registry.unit("510000");
        Registry.unit("510000");
        JsonPath one = Feed.page(national, cursor, 1);
        assertEquals(1, one.getList("items").size());
        assertTrue(one.getBoolean("hasMore"));
        assertEquals(2, Feed.page(national, cursor, 1000).getList("items").size());
        assertEquals(2, given().auth().oauth2(national).queryParam("after", cursor).get("/api/v1/changes").then()
                .statusCode(200).extract().jsonPath().getList("items").size(), "the default limit (100) holds both");
    }

    @Test
    void aCursorBeforeWhatTheRetentionDeletedIsGone() {
        String national = Tokens.national();
        String before = Feed.cursorNow(national);
        Registry.unit("510000");
        Map<String, Object> change = Feed.page(national, before, 1000).<Map<String, Object>>getList("items").get(0);
        String last = (String) change.get("cursor");
        // the retention's purge, as if 30 days had passed since the change
        assertTrue(feed.purge(Instant.now().plusMillis(1)) >= 1);
        given().auth().oauth2(national).queryParam("after", before).get("/api/v1/changes").then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/cursor-expired")).body("title", equalTo("Cursor expired"));
        // the cursor of the last change deleted still resumes: nothing after it is missing
        JsonPath after = Feed.page(national, last, 1000);
        assertEquals(List.of(), after.getList("items"));
        assertNotEquals(before, after.getString("next"));
        // without a cursor: from the oldest change kept, here none
        assertEquals(List.of(), Feed.page(national, null, 1000).getList("items"));
        UUID unit = Registry.unit("510000");
        assertEquals(List.of(unit.toString()), Feed.page(national, last, 1000).<Map<String, Object>>getList("items").stream()
                .map(c -> c.get("entityId")).toList());
        assertEquals(List.of(unit.toString()), Feed.page(national, null, 1000).<Map<String, Object>>getList("items").stream()
                .map(c -> c.get("entityId")).toList());
    }

    @Test
    void theContractListsExactlyTheEventTypesOfTheService() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "openapi", "teams-api.yaml"));
        int schema = lines.indexOf("    ChangeEventType:");
        assertTrue(schema > 0, "ChangeEventType in openapi/teams-api.yaml");
        int enumAt = schema + 1;
        while (!lines.get(enumAt).equals("      enum:")) {
            assertTrue(lines.get(enumAt).startsWith("      ") || lines.get(enumAt).isEmpty(), "enum within ChangeEventType");
            enumAt++;
        }
        List<String> listed = new ArrayList<>();
        for (int i = enumAt + 1; lines.get(i).startsWith("        - "); i++) {
            listed.add(lines.get(i).substring("        - ".length()).trim());
        }
        assertEquals(recorder.eventTypes(), listed.stream().sorted().toList());
        // and the served contract (the same document, ServedContractTest) says the same
        assertEquals(listed, given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath().getList("components.schemas.ChangeEventType.enum"));
    }

    static Map<String, Map<String, Object>> latestByEntity(List<Map<String, Object>> changes) {
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Map<String, Object> change : changes) {
            latest.put((String) change.get("entityId"), change);
        }
        return latest;
    }
}
