package cn.rescueforce.e2e;

import cn.rescueforce.sdk.assessment.api.StandardsApi;
import cn.rescueforce.sdk.assessment.model.Standard;
import cn.rescueforce.sdk.assessment.model.StandardPage;
import cn.rescueforce.sdk.assessment.model.StandardStatus;
import cn.rescueforce.sdk.equipment.api.EquipmentTypesApi;
import cn.rescueforce.sdk.equipment.model.EquipmentTypePage;
import cn.rescueforce.sdk.teams.ApiClient;
import cn.rescueforce.sdk.teams.ApiException;
import cn.rescueforce.sdk.teams.ApiResponse;
import cn.rescueforce.sdk.teams.api.MembersApi;
import cn.rescueforce.sdk.teams.api.SupportingUnitsApi;
import cn.rescueforce.sdk.teams.api.TeamsApi;
import cn.rescueforce.sdk.teams.model.GeoPoint;
import cn.rescueforce.sdk.teams.model.Member;
import cn.rescueforce.sdk.teams.model.MemberInput;
import cn.rescueforce.sdk.teams.model.MemberRole;
import cn.rescueforce.sdk.teams.model.Problem;
import cn.rescueforce.sdk.teams.model.Specialty;
import cn.rescueforce.sdk.teams.model.SupportingUnit;
import cn.rescueforce.sdk.teams.model.SupportingUnitInput;
import cn.rescueforce.sdk.teams.model.TalentType;
import cn.rescueforce.sdk.teams.model.Team;
import cn.rescueforce.sdk.teams.model.TeamCategory;
import cn.rescueforce.sdk.teams.model.TeamRegistration;
import cn.rescueforce.sdk.teams.model.TeamStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provincial system and an enterprise's system use the Java clients generated from the published contracts (module
 * openapi/sdk, README "Integrating") against the running services, with tokens of the realm: registrations with an
 * Idempotency-Key and their replay, the ETag read from the answer's headers and sent back in If-None-Match, a problem
 * read by its type; and one call through the equipment-api and the assessment-api clients.
 */
@Order(4)
@ExtendWith(Suite.Extension.class)
class JavaSdkIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    /** teams-api's client for a caller: the bearer token goes on every request. */
    private static ApiClient teamsApi(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.service("teams-api").url());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A header of the answer (the map of java.net.http: names in any case, as README "Integrating" shows). */
    private static String header(ApiResponse<?> response, String name) {
        List<String> values = response.getHeaders().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The problem (RFC 9457) a refused call answered. */
    private static Problem problem(ApiClient client, ApiException refused) throws IOException {
        return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }

    @Test
    void aProvincialSystemRegistersAUnitAndATeamAndTheEnterpriseAddsAMember() throws ApiException, IOException {
        ApiClient sichuan = teamsApi(Http.userToken(suite.keycloak, "provincial-510000"));
        SupportingUnitsApi units = new SupportingUnitsApi(sichuan);

        // a registration that is safe to retry: the same key and body answer the first response again, marked as a replay
        SupportingUnitInput unitInput = new SupportingUnitInput().name("四川省川南煤业集团（SDK）" + Bodies.next())
                .creditCode(Bodies.creditCode("510000")).province("510000").contactName("王建国").contactPhone("0831-4561000");
        String unitKey = "sdk-unit-" + UUID.randomUUID();
        ApiResponse<SupportingUnit> created = units.createSupportingUnitWithHttpInfo(unitInput, unitKey);
        assertEquals(201, created.getStatusCode());
        assertEquals("\"" + created.getData().getVersion() + "\"", header(created, "ETag"));
        ApiResponse<SupportingUnit> replayed = units.createSupportingUnitWithHttpInfo(unitInput, unitKey);
        assertEquals(201, replayed.getStatusCode());
        assertEquals(created.getData().getId(), replayed.getData().getId());
        assertEquals("true", header(replayed, "Idempotent-Replayed"));
        UUID unit = created.getData().getId();

        TeamsApi teams = new TeamsApi(sichuan);
        int n = Bodies.next();
        Team team = teams.registerTeamWithHttpInfo(new TeamRegistration().code("MR-510000-" + n).name("国家矿山应急救援SDK测试队" + n)
                .category(TeamCategory.MINING).specialties(List.of(Specialty.MINE_FIRE, Specialty.MINE_FLOODING)).province("510000").supportingUnitId(unit)
                .baseLocation(new GeoPoint().lat(28.2147).lon(104.9658)).baseCity("宜宾市").dutyPhone("0831-4561119"),
                "sdk-team-" + UUID.randomUUID()).getData();

        // read back with the ETag; a read with If-None-Match of the current ETag answers 304 (an ApiException here)
        ApiResponse<Team> read = teams.getTeamWithHttpInfo(team.getId(), null);
        assertEquals(TeamStatus.PROPOSED, read.getData().getStatus());
        assertEquals(unit, read.getData().getSupportingUnitId());
        String etag = header(read, "ETag");
        assertTrue(etag != null && etag.startsWith("\""), "ETag: " + read.getHeaders());
        ApiException notModified = assertThrows(ApiException.class, () -> teams.getTeamWithHttpInfo(team.getId(), etag));
        assertEquals(304, notModified.getCode());

        // the enterprise's own system, onboarded by an administrator (level unit, org = the unit's id), adds a member
        String username = "sdk-unit-" + unit.toString().substring(0, 8);
        String password = new RealmAdmin(suite.keycloak).user(username, "unit", Map.of("org", List.of(unit.toString())));
        suite.secrets.set("test-users", username, password);
        MembersApi members = new MembersApi(teamsApi(Http.passwordToken(suite.keycloak.tokenUrl(), username, password)));
        MemberInput memberInput = new MemberInput().name("张伟").role(MemberRole.SQUAD_LEADER).talentType(TalentType.SKILLED_CRAFT)
                .idNumber(Bodies.idNumber()).phone("13800138000").joinedOn(LocalDate.of(2018, 7, 1));
        String memberKey = "sdk-member-" + UUID.randomUUID();
        Member member = members.addMemberWithHttpInfo(team.getId(), memberInput, memberKey).getData();
        assertEquals(member.getId(), members.addMemberWithHttpInfo(team.getId(), memberInput, memberKey).getData().getId(),
                "a retried addition is the first one");
        ApiResponse<Member> memberRead = new MembersApi(sichuan).getMemberWithHttpInfo(member.getId(), null);
        assertEquals("张伟", memberRead.getData().getName());
        assertEquals(team.getId(), memberRead.getData().getTeamId());
        assertNotEquals(memberInput.getIdNumber(), memberRead.getData().getIdNumberMasked(), "the ID number is only shown masked");
        assertEquals("\"" + memberRead.getData().getVersion() + "\"", header(memberRead, "ETag"));
        assertEquals(1, teams.getTeam(team.getId(), null).getHeadcount(), "one member, added once");

        // another province does not see the team: a problem whose type the client branches on
        ApiClient shanxi = teamsApi(Http.userToken(suite.keycloak, "provincial-140000"));
        ApiException hidden = assertThrows(ApiException.class, () -> new TeamsApi(shanxi).getTeam(team.getId(), null));
        assertEquals(404, hidden.getCode());
        Problem problem = problem(shanxi, hidden);
        assertEquals("https://rescue-force.cn/problems/not-found", problem.getType().toString(), hidden.getResponseBody());
        assertEquals(404, problem.getStatus());
        System.out.printf("[e2e] Java client: unit %s, team %s (ETag %s), member %s; replays answered the first ids%n",
                unit, team.getId(), etag, member.getId());
    }

    @Test
    void theEquipmentAndAssessmentClientsReadTheCatalogAndThePublishedStandards() throws Exception {
        String national = Http.userToken(suite.keycloak, "national-duty");

        cn.rescueforce.sdk.equipment.ApiClient equipment = new cn.rescueforce.sdk.equipment.ApiClient();
        equipment.updateBaseUri(suite.service("equipment-api").url());
        equipment.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + national));
        EquipmentTypePage catalog = new EquipmentTypesApi(equipment).listEquipmentTypes(0, 200, null, null);
        assertTrue(catalog.getItems().stream().anyMatch(type -> "RESP-SCBA-4H".equals(type.getCode())),
                "the catalog lists the 4-hour breathing apparatus: " + catalog.getTotal());

        cn.rescueforce.sdk.assessment.ApiClient assessment = new cn.rescueforce.sdk.assessment.ApiClient();
        assessment.updateBaseUri(suite.service("assessment-api").url());
        assessment.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + national));
        StandardsApi standards = new StandardsApi(assessment);
        StandardPage published = standards.listStandards(0, 20, null, cn.rescueforce.sdk.assessment.model.TeamCategory.MINING,
                StandardStatus.PUBLISHED, null);
        assertFalse(published.getItems().isEmpty(), "a published mine-rescue standard");
        cn.rescueforce.sdk.assessment.ApiResponse<Standard> standard = standards.getStandardWithHttpInfo(published.getItems().get(0).getId(), null);
        assertEquals(StandardStatus.PUBLISHED, standard.getData().getStatus());
        assertFalse(standard.getData().getSections().isEmpty(), "the standard's sections");
        assertEquals("\"" + standard.getData().getVersion() + "\"", standard.getHeaders().get("etag").get(0), "ETag: " + standard.getHeaders());
    }
}
