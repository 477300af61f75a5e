package cn.rescueforce.teams.figures;

import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.AssessmentApiDouble;
import cn.rescueforce.teams.support.EquipmentApiDouble;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The figures over HTTP for every level, equal to counts computed from this test's own data: a province no other test
 * uses (Jiangxi, 360000), so that the registry's other teams never enter them. The fixture is made once through the API
 * (the teams' registration dates are then moved two years back, for the snapshot of last month, which counts from the
 * data's dates).
 */
@QuarkusTest
class FiguresTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";
    static final String PROVINCE = "360000";
    static final String OTHER_PROVINCE = "350000";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    /** A drill, a training record or a preventive inspection of the fixture: which team, when, how much (minutes, hours, hazards). */
    record Dated(UUID team, LocalDate on, int amount) {
    }

    static boolean made;
    static UUID unitA;
    static UUID unitB;
    static UUID mining;
    static UUID proposedMining;
    static UUID chemical;
    static final List<Dated> DRILLS = new ArrayList<>();
    static final List<Dated> TRAINING = new ArrayList<>();
    /** The preventive inspections of the fixture, with the hazards each found. */
    static final List<Dated> INSPECTIONS = new ArrayList<>();

    @InjectDouble
    EquipmentApiDouble equipment;

    @InjectDouble
    AssessmentApiDouble assessment;

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void fixture() throws SQLException {
        if (made) {
            return;
        }
        unitA = Registry.unit(PROVINCE);
        unitB = Registry.unit(PROVINCE);
        mining = Registry.activeTeam(PROVINCE, "MINING", unitA);
        proposedMining = Registry.team(PROVINCE, "MINING", unitA);
        chemical = Registry.activeTeam(PROVINCE, "HAZARDOUS_CHEMICALS", unitB);
        // serving members: 4 in the mining team (a commander and 3 rescuers), 1 in the proposed one, 2 in the chemical one
        String commander = member(mining, unitA, "COMMANDER", "COMMAND");
        String rescuer = Registry.member(mining, unitA);
        String lapsed = Registry.member(mining, unitA);
        Registry.member(mining, unitA);
        Registry.member(proposedMining, unitA);
        String chemist = Registry.member(chemical, unitB);
        String otherChemist = Registry.member(chemical, unitB);
        // one member who left counts nowhere
        String left = Registry.member(chemical, unitB);
        policy(left, unitB, "WORK_INJURY", TODAY.minusMonths(1), TODAY.plusMonths(11));
        given().auth().oauth2(Tokens.unit(unitB)).contentType(ContentType.JSON)
                .body(Map.of("role", "RESCUER", "talentType", "SKILLED_CRAFT", "status", "LEFT"))
                .put("/api/v1/members/" + left).then().statusCode(428);
        String etag = given().auth().oauth2(Tokens.unit(unitB)).get("/api/v1/members/" + left).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.unit(unitB)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("role", "RESCUER", "talentType", "SKILLED_CRAFT", "status", "LEFT"))
                .put("/api/v1/members/" + left).then().statusCode(200);
        // certificates: valid (commander, never expiring; chemist, until 2030), expired (rescuer)
        certificate(commander, unitA, "2024-03-15", null);
        certificate(rescuer, unitA, "2020-01-01", "2025-01-01");
        certificate(chemist, unitB, "2024-03-15", "2030-03-14");
        // work-injury insurance in force today: commander, rescuer, chemist; lapsed's ended yesterday; the other chemist
        // holds only an accident policy; the member who left holds one (recorded before leaving) and counts nowhere
        policy(commander, unitA, "WORK_INJURY", TODAY.minusMonths(6), TODAY.plusMonths(6));
        policy(rescuer, unitA, "WORK_INJURY", TODAY, TODAY);
        policy(lapsed, unitA, "WORK_INJURY", TODAY.minusYears(1), TODAY.minusDays(1));
        policy(chemist, unitB, "WORK_INJURY", TODAY.minusMonths(1), TODAY.plusMonths(11));
        policy(chemist, unitB, "ACCIDENT", TODAY.minusMonths(1), TODAY.plusMonths(11));
        policy(otherChemist, unitB, "ACCIDENT", TODAY.minusMonths(1), TODAY.plusMonths(11));
        // prevention and service work: this year two inspections (3 + 5 hazards) and an outreach activity (420 people)
        // of the mining team, a technical service (3 days) of the chemical one; last year's inspection counts nowhere
        inspection(mining, unitA, TODAY, 2, 1);
        inspection(mining, unitA, TODAY.withDayOfYear(1), 5, 0);
        inspection(mining, unitA, TODAY.minusYears(1), 4, 0);
        outreach(mining, unitA, TODAY, 420);
        technicalService(chemical, unitB, TODAY, 3);
        // drills and training of this year, of last month and of last year
        drill(mining, unitA, LAST_MONTH.atDay(1), 90);
        drill(mining, unitA, TODAY, 150);
        drill(mining, unitA, TODAY.minusYears(1), 60);
        drill(chemical, unitB, TODAY, 60);
        training(mining, unitA, commander, LAST_MONTH.atDay(2), 8);
        training(chemical, unitB, chemist, TODAY, 4);
        training(mining, unitA, rescuer, TODAY.minusYears(1), 5);
        // one order this year, to the chemical team
        Map<String, Object> incident = new HashMap<>(Map.of("type", "HAZARDOUS_CHEMICAL_LEAK", "severity", "MAJOR", "province", PROVINCE,
                "location", Map.of("lat", 28.68, "lon", 115.86), "address", "江西省南昌市某化工园区", "description", "储罐区发生泄漏"));
        given().auth().oauth2(Tokens.provincial(PROVINCE)).contentType(ContentType.JSON)
                .body(Map.of("teamId", chemical.toString(), "incident", incident))
                .post("/api/v1/mobilizations").then().statusCode(201);
        // the teams were registered two years ago, as far as last month's snapshot is concerned
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update team set created_at = now() - interval '2 years' where province = ?")) {
            update.setString(1, PROVINCE);
            update.executeUpdate();
        }
        made = true;
    }

    @Test
    void nationalAndTheProvinceReadTheProvincesFiguresFromItsOwnData() {
        equipment.compliance(mining, 60.0);
        equipment.compliance(proposedMining, 80.0);
        equipment.compliance(chemical, 90.0);
        assessment.grades(PROVINCE, "MINING", new AssessmentApiDouble.Grades(1, 0, 0, 0, 1, 1, 0));
        assessment.grades(PROVINCE, "HAZARDOUS_CHEMICALS", new AssessmentApiDouble.Grades(0, 1, 0, 1, 2, 1, 1));
        for (Response answer : List.of(figures(Tokens.national(), Map.of("province", PROVINCE)), figures(Tokens.provincial(PROVINCE), Map.of()))) {
            answer.then().statusCode(200)
                    .body("year", equalTo(TODAY.getYear()))
                    .body("scope.province", equalTo(PROVINCE))
                    .body("totals.source", equalTo("teams-api"))
                    .body("totals.teams", equalTo(3))
                    .body("totals.teamsByStatus.find { it.value == 'ACTIVE' }.count", equalTo(2))
                    .body("totals.teamsByStatus.find { it.value == 'PROPOSED' }.count", equalTo(1))
                    .body("totals.teamsByGrade.find { it.value == 'NONE' }.count", equalTo(3))
                    .body("totals.teamsByReadiness.find { it.value == 'STANDBY' }.count", equalTo(2))
                    .body("totals.teamsByReadiness.find { it.value == 'ON_MISSION' }.count", equalTo(1))
                    .body("totals.rescuers", equalTo(7))
                    .body("totals.rescuersByTalentType.find { it.value == 'COMMAND' }.count", equalTo(1))
                    .body("totals.rescuersByTalentType.find { it.value == 'SKILLED_CRAFT' }.count", equalTo(6))
                    .body("totals.rescuersByRole.find { it.value == 'COMMANDER' }.count", equalTo(1))
                    .body("totals.membersWithValidCertificate", equalTo(2))
                    .body("totals.validCertificateShare", equalTo(0.2857f))
                    .body("totals.drills", equalTo(drillsIn(TODAY.getYear(), TODAY, null)))
                    .body("totals.drillHours", equalTo((float) drillHoursIn(TODAY.getYear(), TODAY, null)))
                    .body("totals.trainingHours", equalTo(trainingIn(TODAY.getYear(), TODAY, null)))
                    .body("insurance.source", equalTo("teams-api"))
                    .body("insurance.computedAt", org.hamcrest.Matchers.notNullValue())
                    .body("insurance.asOf", equalTo(TODAY.toString()))
                    .body("insurance.servingMembers", equalTo(7))
                    .body("insurance.insuredMembers", equalTo(3))
                    .body("insurance.insuredShare", equalTo(0.4286f))
                    .body("insurance.groups.size()", equalTo(0))
                    .body("prevention.source", equalTo("teams-api"))
                    .body("prevention.computedAt", org.hamcrest.Matchers.notNullValue())
                    .body("prevention.year", equalTo(TODAY.getYear()))
                    .body("prevention.inspections", equalTo(2))
                    .body("prevention.hazardsFound", equalTo(8))
                    .body("prevention.technicalServices", equalTo(1))
                    .body("prevention.serviceDays", equalTo(3))
                    .body("prevention.outreachActivities", equalTo(1))
                    .body("prevention.outreachParticipants", equalTo(420))
                    .body("prevention.groups.size()", equalTo(0))
                    .body("mobilizations.source", equalTo("teams-api"))
                    .body("mobilizations.orders", equalTo(1))
                    .body("mobilizations.groups[0].key", equalTo(PROVINCE))
                    .body("equipment.source", equalTo("equipment-api"))
                    .body("equipment.available", equalTo(true))
                    .body("equipment.measuredTeams", equalTo(3))
                    .body("equipment.averagePercent", equalTo(76.7f))
                    .body("equipment.lowest[0].teamId", equalTo(mining.toString()))
                    .body("equipment.lowest[0].compliancePercent", equalTo(60.0f))
                    .body("grades.source", equalTo("assessment-api"))
                    .body("grades.available", equalTo(true))
                    .body("grades.grade1", equalTo(1)).body("grades.grade2", equalTo(1)).body("grades.fail", equalTo(1))
                    .body("grades.finalized", equalTo(3)).body("grades.passed", equalTo(2)).body("grades.passRate", equalTo(0.667f));
        }
        // national without a filter counts the province too
        int nationalTeams = figures(Tokens.national(), Map.of()).then().statusCode(200).extract().path("totals.teams");
        org.junit.jupiter.api.Assertions.assertTrue(nationalTeams >= 3);
    }

    @Test
    void groupsSplitTheTotalsPerCategoryAndPerProvince() {
        figures(Tokens.provincial(PROVINCE), Map.of("groupBy", "CATEGORY")).then().statusCode(200)
                .body("groupBy", equalTo("CATEGORY"))
                .body("groups.find { it.key == 'MINING' }.figures.teams", equalTo(2))
                .body("groups.find { it.key == 'MINING' }.figures.rescuers", equalTo(5))
                .body("groups.find { it.key == 'HAZARDOUS_CHEMICALS' }.figures.teams", equalTo(1))
                .body("groups.find { it.key == 'HAZARDOUS_CHEMICALS' }.figures.rescuers", equalTo(2))
                .body("mobilizations.groups[0].key", equalTo("HAZARDOUS_CHEMICALS"))
                .body("insurance.groups.key", org.hamcrest.Matchers.contains("HAZARDOUS_CHEMICALS", "MINING"))
                .body("insurance.groups.find { it.key == 'MINING' }.category", equalTo("MINING"))
                .body("insurance.groups.find { it.key == 'MINING' }.servingMembers", equalTo(5))
                .body("insurance.groups.find { it.key == 'MINING' }.insuredMembers", equalTo(2))
                .body("insurance.groups.find { it.key == 'MINING' }.insuredShare", equalTo(0.4f))
                .body("insurance.groups.find { it.key == 'HAZARDOUS_CHEMICALS' }.servingMembers", equalTo(2))
                .body("insurance.groups.find { it.key == 'HAZARDOUS_CHEMICALS' }.insuredShare", equalTo(0.5f))
                .body("prevention.groups.key", org.hamcrest.Matchers.contains("HAZARDOUS_CHEMICALS", "MINING"))
                .body("prevention.groups.find { it.key == 'MINING' }.inspections", equalTo(2))
                .body("prevention.groups.find { it.key == 'MINING' }.hazardsFound", equalTo(8))
                .body("prevention.groups.find { it.key == 'MINING' }.outreachParticipants", equalTo(420))
                .body("prevention.groups.find { it.key == 'MINING' }.technicalServices", equalTo(0))
                .body("prevention.groups.find { it.key == 'HAZARDOUS_CHEMICALS' }.category", equalTo("HAZARDOUS_CHEMICALS"))
                .body("prevention.groups.find { it.key == 'HAZARDOUS_CHEMICALS' }.serviceDays", equalTo(3))
                .body("prevention.groups.find { it.key == 'HAZARDOUS_CHEMICALS' }.inspections", equalTo(0));
        figures(Tokens.national(), Map.of("groupBy", "PROVINCE")).then().statusCode(200)
                .body("groups.find { it.key == '" + PROVINCE + "' }.figures.teams", equalTo(3))
                .body("groups.find { it.key == '" + PROVINCE + "' }.province", equalTo(PROVINCE))
                .body("insurance.groups.find { it.key == '" + PROVINCE + "' }.province", equalTo(PROVINCE))
                .body("insurance.groups.find { it.key == '" + PROVINCE + "' }.servingMembers", equalTo(7))
                .body("insurance.groups.find { it.key == '" + PROVINCE + "' }.insuredMembers", equalTo(3))
                .body("prevention.groups.find { it.key == '" + PROVINCE + "' }.province", equalTo(PROVINCE))
                .body("prevention.groups.find { it.key == '" + PROVINCE + "' }.inspections", equalTo(2))
                .body("prevention.groups.find { it.key == '" + PROVINCE + "' }.serviceDays", equalTo(3))
                .body("prevention.groups.find { it.key == '" + PROVINCE + "' }.outreachActivities", equalTo(1));
    }

    @Test
    void theMineSafetyBureauCountsTheMiningTeamsAndAUnitItsOwn() {
        equipment.compliance(mining, 60.0);
        equipment.compliance(proposedMining, 80.0);
        equipment.compliance(chemical, 90.0);
        assessment.grades(PROVINCE, "MINING", new AssessmentApiDouble.Grades(1, 0, 0, 0, 1, 1, 0));
        figures(Tokens.mineSafety(PROVINCE), Map.of()).then().statusCode(200)
                .body("scope.category", equalTo("MINING"))
                .body("totals.teams", equalTo(2)).body("totals.rescuers", equalTo(5))
                .body("totals.membersWithValidCertificate", equalTo(1))
                .body("totals.drills", equalTo(drillsIn(TODAY.getYear(), TODAY, mining)))
                .body("totals.trainingHours", equalTo(trainingIn(TODAY.getYear(), TODAY, mining)))
                .body("mobilizations.orders", equalTo(0))
                .body("insurance.servingMembers", equalTo(5)).body("insurance.insuredMembers", equalTo(2))
                .body("prevention.inspections", equalTo(2)).body("prevention.technicalServices", equalTo(0))
                .body("equipment.measuredTeams", equalTo(2)).body("equipment.averagePercent", equalTo(70.0f))
                .body("grades.grade1", equalTo(1)).body("grades.finalized", equalTo(1));
        // a category outside the bureau's is empty
        figures(Tokens.mineSafety(PROVINCE), Map.of("category", "HAZARDOUS_CHEMICALS")).then().statusCode(200)
                .body("totals.teams", equalTo(0)).body("equipment.measuredTeams", equalTo(0))
                .body("insurance.servingMembers", equalTo(0)).body("prevention.technicalServices", equalTo(0));
        figures(Tokens.unit(unitB), Map.of()).then().statusCode(200)
                .body("scope.supportingUnitId", equalTo(unitB.toString()))
                .body("totals.teams", equalTo(1)).body("totals.rescuers", equalTo(2))
                .body("totals.membersWithValidCertificate", equalTo(1)).body("totals.validCertificateShare", equalTo(0.5f))
                .body("totals.drills", equalTo(drillsIn(TODAY.getYear(), TODAY, chemical)))
                .body("totals.trainingHours", equalTo(trainingIn(TODAY.getYear(), TODAY, chemical)))
                .body("mobilizations.orders", equalTo(1))
                .body("insurance.servingMembers", equalTo(2)).body("insurance.insuredMembers", equalTo(1))
                .body("prevention.serviceDays", equalTo(3)).body("prevention.inspections", equalTo(0))
                .body("equipment.measuredTeams", equalTo(1)).body("equipment.averagePercent", equalTo(90.0f))
                .body("grades.available", equalTo(false)).body("grades.reason", containsString("per province and category"));
        figures(Tokens.unit(UUID.randomUUID()), Map.of()).then().statusCode(200).body("totals.teams", equalTo(0));
    }

    @Test
    void anotherProvinceSeesNoneOfItAndAnAssessorMayNotRead() {
        figures(Tokens.provincial(OTHER_PROVINCE), Map.of("province", PROVINCE)).then().statusCode(200)
                .body("totals.teams", equalTo(0)).body("totals.rescuers", equalTo(0)).body("mobilizations.orders", equalTo(0))
                .body("insurance.servingMembers", equalTo(0)).body("prevention.inspections", equalTo(0))
                .body("equipment.measuredTeams", equalTo(0)).body("grades.finalized", equalTo(0));
        figures(Tokens.provincial(OTHER_PROVINCE), Map.of()).then().statusCode(200)
                .body("mobilizations.groups.key", not(hasItem(PROVINCE)));
        figures(Tokens.assessor(UUID.randomUUID()), Map.of()).then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        figures(Tokens.service(), Map.of()).then().statusCode(403);
        given().get("/api/v1/figures").then().statusCode(401);
        figures(Tokens.national(), Map.of("category", "SPACE")).then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
        figures(Tokens.national(), Map.of("province", "990000")).then().statusCode(400).body("errors.field", hasItem("province"));
        figures(Tokens.national(), Map.of("groupBy", "TEAM")).then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
    }

    @Test
    void theETagStaysWhileTheFiguresDoAndChangesWithThem() {
        String first = figures(Tokens.provincial(PROVINCE), Map.of()).then().statusCode(200).extract().header("ETag");
        String again = figures(Tokens.provincial(PROVINCE), Map.of()).then().statusCode(200).extract().header("ETag");
        assertEquals(first, again);
        given().auth().oauth2(Tokens.provincial(PROVINCE)).header("If-None-Match", first).get("/api/v1/figures").then().statusCode(304);
        UUID extra = Registry.activeTeam(PROVINCE, "OTHER", unitB);
        String after = figures(Tokens.provincial(PROVINCE), Map.of()).then().statusCode(200).body("totals.teams", equalTo(4))
                .extract().header("ETag");
        assertNotEquals(first, after);
        exit(extra);
        figures(Tokens.provincial(PROVINCE), Map.of()).then().statusCode(200).body("totals.teams", equalTo(3))
                .body("totals.teamsByStatus.find { it.value == 'EXITED' }.count", equalTo(1));
    }

    /**
     * The sections kept per figures version (figures/FigureSections) follow every committed change of the tables they
     * read, whatever wrote it: each change is made here straight in the database (not through the API), read back,
     * then undone and read back again.
     */
    @Test
    void keptFiguresFollowEveryCommittedChangeOfTheirTables() throws SQLException {
        String mine = "(select id from team where id = '" + mining + "')";
        String chemicalTeam = "(select id from team where id = '" + chemical + "')";
        List<String[]> changes = List.of(
                // the figure read, the SQL that changes it, the SQL that undoes the change
                new String[]{"totals.membersWithValidCertificate",
                        "update certificate set expires_on = expires_on + 36500 where expires_on = date '2025-01-01' and member_id in (select id from member where team_id = " + mine + ")",
                        "update certificate set expires_on = expires_on - 36500 where expires_on = date '2025-01-01' + 36500 and member_id in (select id from member where team_id = " + mine + ")"},
                new String[]{"totals.rescuers",
                        "update member set status = 'SUSPENDED' where id = (select id from member where team_id = " + chemicalTeam + " and status = 'ACTIVE' order by id limit 1)",
                        "update member set status = 'ACTIVE' where team_id = " + chemicalTeam + " and status = 'SUSPENDED'"},
                new String[]{"totals.trainingHours",
                        "update training_record set hours = hours + 1 where team_id = " + chemicalTeam + " and trained_on = date '" + TODAY + "'",
                        "update training_record set hours = hours - 1 where team_id = " + chemicalTeam + " and trained_on = date '" + TODAY + "'"},
                new String[]{"totals.drills",
                        "update drill set held_on = date '" + TODAY + "' where team_id = " + mine + " and held_on = date '" + TODAY.minusYears(1) + "'",
                        "update drill set held_on = date '" + TODAY.minusYears(1) + "' where team_id = " + mine + " and duration_minutes = 60 and held_on = date '" + TODAY + "'"},
                new String[]{"insurance.insuredMembers",
                        "update insurance_policy set valid_to = valid_to + 2 where valid_to = date '" + TODAY.minusDays(1) + "' and team_id = " + mine,
                        "update insurance_policy set valid_to = valid_to - 2 where valid_to = date '" + TODAY.plusDays(1) + "' and valid_from = date '" + TODAY.minusYears(1) + "' and team_id = " + mine},
                new String[]{"prevention.outreachParticipants",
                        "update outreach_activity set participants = participants + 1 where team_id = " + mine,
                        "update outreach_activity set participants = participants - 1 where team_id = " + mine},
                new String[]{"mobilizations.orders",
                        "update mobilization_order set alarm_at = alarm_at + interval '2 years' where team_id = " + chemicalTeam,
                        "update mobilization_order set alarm_at = alarm_at - interval '2 years' where team_id = " + chemicalTeam});
        String token = Tokens.provincial(PROVINCE);
        for (String[] change : changes) {
            int before = figures(token, Map.of()).then().statusCode(200).extract().path(change[0]);
            assertEquals(before, (int) figures(token, Map.of()).then().statusCode(200).extract().path(change[0]));
            int changed;
            try {
                org.junit.jupiter.api.Assertions.assertTrue(sql(change[1]) > 0, change[1]);
                changed = figures(token, Map.of()).then().statusCode(200).extract().path(change[0]);
            } finally {
                sql(change[2]);
            }
            assertNotEquals(before, changed, change[0] + " after " + change[1]);
            assertEquals(before, (int) figures(token, Map.of()).then().statusCode(200).extract().path(change[0]), change[0] + " undone");
        }
    }

    int sql(String statement) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(statement)) {
            return update.executeUpdate();
        }
    }

    @Test
    void aServiceThatCannotAnswerMarksItsFigureUnavailableAndTheRestStands() {
        equipment.stop();
        try {
            figures(Tokens.provincial(PROVINCE), Map.of()).then().statusCode(200)
                    .body("totals.teams", equalTo(3))
                    .body("equipment.available", equalTo(false))
                    .body("equipment.source", equalTo("equipment-api"))
                    .body("equipment.computedAt", org.hamcrest.Matchers.notNullValue())
                    .body("equipment.reason", containsString("equipment-api"))
                    .body("grades.available", equalTo(true));
        } finally {
            equipment.start();
        }
        figures(Tokens.provincial(PROVINCE), Map.of()).then().statusCode(200).body("equipment.available", equalTo(true));
    }

    @Test
    void nationalSetsTheTargetsAndTheFiguresShowProgressAgainstThem() {
        Response read = given().auth().oauth2(Tokens.national()).get("/api/v1/figures/targets");
        read.then().statusCode(200);
        String etag = read.header("ETag");
        Map<String, Object> targets = Map.of("targets", List.of(
                Map.of("category", "MINING", "due", "2026-12-31", "teams", 4, "rescuers", 10),
                Map.of("category", "MINING", "due", "2035-12-31", "teams", 8, "rescuers", 20)));
        setTargets(Tokens.national(), null, null, targets).statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        setTargets(Tokens.provincial(PROVINCE), etag, null, targets).statusCode(403);
        setTargets(Tokens.national(), etag, null, Map.of("targets", List.of(
                Map.of("category", "MINING", "due", "2026-12-31", "teams", 4, "rescuers", 10),
                Map.of("category", "MINING", "due", "2026-12-31", "teams", 5, "rescuers", 10)))).statusCode(400)
                .body("errors.field", hasItem("targets"));
        setTargets(Tokens.national(), etag, null, Map.of("targets", List.of(
                Map.of("category", "MINING", "due", "2026-12-31", "teams", -1, "rescuers", 10)))).statusCode(400);
        String key = "targets-" + UUID.randomUUID();
        io.restassured.response.ExtractableResponse<Response> set = setTargets(Tokens.national(), etag, key, targets).statusCode(200)
                .body("targets.size()", equalTo(2)).body("targets[0].due", equalTo("2026-12-31")).extract();
        setTargets(Tokens.national(), etag, key, targets).statusCode(200).header("Idempotent-Replayed", "true")
                .header("ETag", set.header("ETag"));
        setTargets(Tokens.national(), etag, null, targets).statusCode(412).body("type", equalTo(PROBLEMS + "precondition-failed"));
        for (String token : List.of(Tokens.provincial(PROVINCE), Tokens.mineSafety(PROVINCE), Tokens.unit(unitA))) {
            given().auth().oauth2(token).get("/api/v1/figures/targets").then().statusCode(200)
                    .body("targets.find { it.due == '2035-12-31' }.teams", equalTo(8));
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/figures/targets").then().statusCode(403);
        figures(Tokens.provincial(PROVINCE), Map.of()).then().statusCode(200)
                .body("progress.find { it.due == '2026-12-31' }.teamsTarget", equalTo(4))
                .body("progress.find { it.due == '2026-12-31' }.teams", equalTo(2))
                .body("progress.find { it.due == '2026-12-31' }.teamsShare", equalTo(0.5f))
                .body("progress.find { it.due == '2026-12-31' }.rescuers", equalTo(5))
                .body("progress.find { it.due == '2026-12-31' }.rescuersShare", equalTo(0.5f))
                .body("progress.find { it.due == '2035-12-31' }.teamsShare", equalTo(0.25f));
        given().auth().oauth2(Tokens.national()).queryParam("entityType", "FigureTargets").get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("TARGET_SET"));
    }

    @Test
    void lastMonthsSnapshotIsTakenOnceFromTheDatasDatesAndReadAsASeriesPerScope() {
        Map<String, Object> month = Map.of("month", LAST_MONTH.toString());
        given().auth().oauth2(Tokens.provincial(PROVINCE)).contentType(ContentType.JSON).body(month)
                .post("/api/v1/figures/snapshots").then().statusCode(403);
        Response first = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(month).post("/api/v1/figures/snapshots");
        first.then().statusCode(200).body("month", equalTo(LAST_MONTH.toString()));
        int scopes = (int) first.path("taken") + (int) first.path("kept");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(month).post("/api/v1/figures/snapshots")
                .then().statusCode(200).body("taken", equalTo(0)).body("kept", equalTo(scopes));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("month", YearMonth.now(ZoneOffset.UTC).toString()))
                .post("/api/v1/figures/snapshots").then().statusCode(409).body("type", equalTo(PROBLEMS + "month-not-ended"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("month", "2026-13"))
                .post("/api/v1/figures/snapshots").then().statusCode(400).body("errors.field", hasItem("month"));

        LocalDate lastDay = LAST_MONTH.atEndOfMonth();
        for (String token : List.of(Tokens.provincial(PROVINCE), Tokens.national())) {
            given().auth().oauth2(token).queryParam("from", LAST_MONTH.minusMonths(2).toString()).queryParam("to", LAST_MONTH.toString())
                    .queryParam("province", PROVINCE).get("/api/v1/figures/series").then().statusCode(200)
                    .body("scopeKey", equalTo("province:" + PROVINCE))
                    .body("points.size()", equalTo(1))
                    .body("points[0].month", equalTo(LAST_MONTH.toString()))
                    .body("points[0].teams", equalTo(3))
                    .body("points[0].teamsByCategory.find { it.value == 'MINING' }.count", equalTo(2))
                    // the member who left this month still served on last month's last day
                    .body("points[0].rescuers", equalTo(8))
                    .body("points[0].rescuersByCategory.find { it.value == 'HAZARDOUS_CHEMICALS' }.count", equalTo(3))
                    .body("points[0].membersWithValidCertificate", equalTo(2))
                    .body("points[0].drillsYearToDate", equalTo(drillsIn(lastDay.getYear(), lastDay, null)))
                    .body("points[0].drillHoursYearToDate", equalTo((float) drillHoursIn(lastDay.getYear(), lastDay, null)))
                    .body("points[0].trainingHoursYearToDate", equalTo(trainingIn(lastDay.getYear(), lastDay, null)))
                    .body("points[0].mobilizationsInMonth", equalTo(0))
                    // commander, lapsed (until yesterday), chemist and the member who left held work-injury policies then
                    .body("points[0].insuredMembers", equalTo(4))
                    .body("points[0].insuredShare", equalTo(0.5f))
                    .body("points[0].inspectionsYearToDate", equalTo(count(INSPECTIONS, lastDay, null)))
                    .body("points[0].hazardsFoundYearToDate", equalTo(sum(INSPECTIONS, lastDay, null)))
                    // the technical service and the outreach activity are of today
                    .body("points[0].technicalServicesYearToDate", equalTo(0))
                    .body("points[0].outreachParticipantsYearToDate", equalTo(0));
        }
        series(Tokens.mineSafety(PROVINCE), null).statusCode(200).body("scopeKey", equalTo("mining:" + PROVINCE))
                .body("points[0].teams", equalTo(2)).body("points[0].rescuers", equalTo(5))
                .body("points[0].insuredMembers", equalTo(2)).body("points[0].insuredShare", equalTo(0.4f))
                .body("points[0].inspectionsYearToDate", equalTo(count(INSPECTIONS, lastDay, mining)));
        series(Tokens.unit(unitB), null).statusCode(200).body("scopeKey", equalTo("unit:" + unitB))
                .body("points[0].teams", equalTo(1)).body("points[0].rescuers", equalTo(3))
                .body("points[0].drillsYearToDate", equalTo(drillsIn(lastDay.getYear(), lastDay, chemical)))
                .body("points[0].insuredMembers", equalTo(2)).body("points[0].inspectionsYearToDate", equalTo(0));
        series(Tokens.national(), null).statusCode(200).body("scopeKey", equalTo("national")).body("points.size()", equalTo(1));
        series(Tokens.provincial(OTHER_PROVINCE), PROVINCE).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        series(Tokens.unit(unitB), PROVINCE).statusCode(404);
        series(Tokens.assessor(UUID.randomUUID()), null).statusCode(403);
        given().auth().oauth2(Tokens.national()).queryParam("from", LAST_MONTH.toString()).queryParam("to", LAST_MONTH.toString())
                .queryParam("scopeKey", "mining:" + PROVINCE).get("/api/v1/figures/series").then().statusCode(200)
                .body("points[0].teams", equalTo(2));
        given().auth().oauth2(Tokens.provincial(PROVINCE)).queryParam("from", LAST_MONTH.toString()).queryParam("to", LAST_MONTH.toString())
                .queryParam("scopeKey", "unit:" + unitB).get("/api/v1/figures/series").then().statusCode(404);
        given().auth().oauth2(Tokens.national()).queryParam("from", "2026-05").queryParam("to", "2026-04")
                .get("/api/v1/figures/series").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(Tokens.national()).queryParam("from", "2026-5").queryParam("to", "2026-04")
                .get("/api/v1/figures/series").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.national()).queryParam("entityType", "FigureSnapshot").get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("SNAPSHOT_TAKEN"));
    }

    // --- the fixture's own counts, from its dates

    static int drillsIn(int year, LocalDate upTo, UUID team) {
        return (int) DRILLS.stream().filter(d -> counts(d, year, upTo, team)).count();
    }

    static double drillHoursIn(int year, LocalDate upTo, UUID team) {
        return Math.round(DRILLS.stream().filter(d -> counts(d, year, upTo, team)).mapToInt(Dated::amount).sum() / 6.0) / 10.0;
    }

    static int trainingIn(int year, LocalDate upTo, UUID team) {
        return TRAINING.stream().filter(d -> counts(d, year, upTo, team)).mapToInt(Dated::amount).sum();
    }

    static int count(List<Dated> records, LocalDate upTo, UUID team) {
        return (int) records.stream().filter(d -> counts(d, upTo.getYear(), upTo, team)).count();
    }

    static int sum(List<Dated> records, LocalDate upTo, UUID team) {
        return records.stream().filter(d -> counts(d, upTo.getYear(), upTo, team)).mapToInt(Dated::amount).sum();
    }

    private static boolean counts(Dated dated, int year, LocalDate upTo, UUID team) {
        return dated.on().getYear() == year && !dated.on().isAfter(upTo) && (team == null || team.equals(dated.team()));
    }

    // --- calls

    static Response figures(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/figures");
    }

    static io.restassured.response.ValidatableResponse series(String token, String province) {
        io.restassured.specification.RequestSpecification request = given().auth().oauth2(token)
                .queryParam("from", LAST_MONTH.toString()).queryParam("to", LAST_MONTH.toString());
        if (province != null) {
            request.queryParam("province", province);
        }
        return request.get("/api/v1/figures/series").then();
    }

    static io.restassured.response.ValidatableResponse setTargets(String token, String ifMatch, String key, Map<String, Object> body) {
        io.restassured.specification.RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.put("/api/v1/figures/targets").then();
    }

    static String member(UUID team, UUID unit, String role, String talentType) {
        return given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "李明", "role", role, "talentType", talentType, "idNumber", Registry.idNumber(), "joinedOn", "2018-07-01"))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
    }

    static void certificate(String member, UUID unit, String issuedOn, String expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "救援队员资格证", "issuer", "江西省应急管理厅", "issuedOn", issuedOn));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn);
        }
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/members/" + member + "/certificates").then().statusCode(201);
    }

    static void policy(String member, UUID unit, String kind, LocalDate from, LocalDate to) {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "insurer", "南昌市社会保险事业管理局", "policyNumber", "GS" + System.nanoTime(),
                        "sumInsured", 800000, "validFrom", from.toString(), "validTo", to.toString()))
                .post("/api/v1/members/" + member + "/insurance-policies").then().statusCode(201);
    }

    static void inspection(UUID team, UUID unit, LocalDate on, int gas, int preparedness) {
        List<Map<String, Object>> hazards = new ArrayList<>(List.of(Map.of("kind", "GAS", "count", gas)));
        if (preparedness > 0) {
            hazards.add(Map.of("kind", "EMERGENCY_PREPAREDNESS", "count", preparedness));
        }
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("enterpriseName", "萍乡市某煤业有限公司", "enterpriseCreditCode", Registry.creditCode(PROVINCE),
                        "inspectedOn", on.toString(), "hazards", hazards, "rectificationAdvice", "回风巷瓦斯传感器位置不当，限期整改"))
                .post("/api/v1/teams/" + team + "/preventive-inspections").then().statusCode(201);
        INSPECTIONS.add(new Dated(team, on, gas + preparedness));
    }

    static void technicalService(UUID team, UUID unit, LocalDate on, int days) {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("kind", "HAZARDOUS_OPERATION_STANDBY", "client", "九江市某化工有限公司", "startedOn", on.toString(),
                        "days", days, "description", "储罐检修动火作业现场监护"))
                .post("/api/v1/teams/" + team + "/technical-services").then().statusCode(201);
    }

    static void outreach(UUID team, UUID unit, LocalDate on, int participants) {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("kind", "POPULAR_SCIENCE", "heldOn", on.toString(), "audience", "STUDENTS",
                        "topic", "防灾减灾日进校园：矿山事故自救互救", "participants", participants))
                .post("/api/v1/teams/" + team + "/outreach-activities").then().statusCode(201);
    }

    static void drill(UUID team, UUID unit, LocalDate on, int minutes) {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("heldOn", on.toString(), "type", "FULL_SCALE", "scenario", "化工园区储罐泄漏处置", "participants", 20,
                        "durationMinutes", minutes))
                .post("/api/v1/teams/" + team + "/drills").then().statusCode(201);
        DRILLS.add(new Dated(team, on, minutes));
    }

    static void training(UUID team, UUID unit, String member, LocalDate on, int hours) {
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "trainedOn", on.toString(), "hours", hours, "subject", "正压氧气呼吸器佩用"))
                .post("/api/v1/teams/" + team + "/training-hours").then().statusCode(201);
        TRAINING.add(new Dated(team, on, hours));
    }

    static void exit(UUID team) {
        String etag = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "测试退出")).post("/api/v1/teams/" + team + "/exit").then().statusCode(200);
    }
}
