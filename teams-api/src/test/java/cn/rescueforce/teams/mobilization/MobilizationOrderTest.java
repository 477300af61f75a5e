package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.Incident;
import cn.rescueforce.teams.api.model.IncidentSeverity;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.team.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mobilization order's steps, on an order in memory: each from exactly one status, dated no later than now. */
class MobilizationOrderTest {

    static final Caller NATIONAL = new Caller("national-1", ManagementLevel.NATIONAL, null, null);
    static final Caller SICHUAN = new Caller("sichuan-1", ManagementLevel.PROVINCIAL, "510000", null);
    static final Caller SICHUAN_COLLEAGUE = new Caller("sichuan-2", ManagementLevel.PROVINCIAL, "510000", null);
    static final Caller SHANXI = new Caller("shanxi-1", ManagementLevel.PROVINCIAL, "140000", null);
    static final Caller SICHUAN_MINES = new Caller("bureau-1", ManagementLevel.MINE_SAFETY, "510000", null);
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final UUID INCIDENT = UUID.randomUUID();
    static final Duration WINDOW = Duration.ofHours(24);

    /** A step's time as posted in the former field {@code at}; null: none, the step is dated now. */
    static MobilizationOrder.ReportedTime t(OffsetDateTime at) {
        return at == null ? MobilizationOrder.ReportedTime.NOW : new MobilizationOrder.ReportedTime(at, "at");
    }

    static Team team() {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.province = "510000";
        team.category = TeamCategory.MINING;
        team.supportingUnitId = UUID.randomUUID();
        return team;
    }

    static Incident incident(OffsetDateTime alarmAt) {
        return new Incident().type("GAS_EXPLOSION").severity(IncidentSeverity.MAJOR).province("510000")
                .location(new GeoPoint(28.21, 104.97)).address("珙县").description(" 瓦斯爆炸，12人被困 ").alarmAt(alarmAt);
    }

    static MobilizationOrder issued() {
        return MobilizationOrder.issue(team(), incident(at(-300)), INCIDENT, null, SICHUAN, NOW);
    }

    /** A time {@code seconds} from NOW as a phone reports it. */
    static OffsetDateTime at(long seconds) {
        return NOW.plusSeconds(seconds).atOffset(ZoneOffset.ofHours(8));
    }

    static ProblemException refused(int status, String type, Executable step) {
        ProblemException problem = assertThrows(ProblemException.class, step);
        assertEquals(status, problem.status());
        assertEquals("https://rescue-force.cn/problems/" + type, problem.type());
        return problem;
    }

    @Test
    void anIssuedOrderCopiesItsTeamsFactsAndItsIssuer() {
        Team team = team();
        MobilizationOrder order = MobilizationOrder.issue(team, incident(at(-300)), INCIDENT, null, SICHUAN, NOW);
        assertEquals(MobilizationStatus.ISSUED, order.status);
        assertEquals(team.id, order.teamId);
        assertEquals("510000", order.province);
        assertEquals(TeamCategory.MINING, order.category);
        assertEquals(team.supportingUnitId, order.supportingUnitId);
        assertEquals("瓦斯爆炸，12人被困", order.incidentDescription);
        assertEquals(ManagementLevel.PROVINCIAL, order.issuerLevel);
        assertEquals("510000", order.issuerRegion);
        assertEquals("sichuan-1", order.issuerSub);
        assertEquals(NOW.minusSeconds(300), order.alarmAt);
        assertEquals(NOW, order.issuedAt);
        assertTrue(order.isOpen());
    }

    @Test
    void theAlarmIsNowUnlessReportedAndNeverInTheFuture() {
        assertEquals(NOW, MobilizationOrder.issue(team(), incident(null), INCIDENT, null, SICHUAN, NOW).alarmAt);
        assertEquals(NOW.plusSeconds(30), MobilizationOrder.issue(team(), incident(at(30)), INCIDENT, null, SICHUAN, NOW).alarmAt,
                "a phone's clock may run a little ahead");
        ProblemException problem = refused(400, "validation", () -> MobilizationOrder.issue(team(), incident(at(31)), INCIDENT, null, SICHUAN, NOW));
        assertEquals("incident.alarmAt", problem.errors().get(0).field());
    }

    @Test
    void reportedTimesKeepTheDatabasesPrecision() {
        OffsetDateTime nanos = NOW.minusSeconds(300).plusNanos(123_456_789).atOffset(ZoneOffset.UTC);
        assertEquals(NOW.minusSeconds(300).plusNanos(123_456_000), MobilizationOrder.issue(team(), incident(nanos), INCIDENT, null, SICHUAN, NOW).alarmAt);
    }

    @Test
    void theOrderMovesForwardOneStepAtATime() {
        MobilizationOrder order = issued();
        order.acknowledge(t(at(-240)), WINDOW, NOW);
        assertEquals(MobilizationStatus.ACKNOWLEDGED, order.status);
        assertEquals(NOW.minusSeconds(240), order.acknowledgedAt);
        order.depart(t(at(-200)), WINDOW, NOW);
        assertEquals(MobilizationStatus.EN_ROUTE, order.status);
        order.arrive(t(null), WINDOW, NOW);
        assertEquals(MobilizationStatus.ON_SITE, order.status);
        assertEquals(NOW, order.arrivedAt, "no reported time: now");
        Instant later = NOW.plusSeconds(3600);
        order.complete(t(null), WINDOW, later);
        assertEquals(MobilizationStatus.COMPLETED, order.status);
        assertEquals(later, order.completedAt);
        assertEquals(later, order.updatedAt);
        assertFalse(order.isOpen());
    }

    @Test
    void aStepCannotBeSkippedNorTakenTwice() {
        MobilizationOrder order = issued();
        ProblemException skipped = refused(409, "invalid-transition", () -> order.depart(t(null), WINDOW, NOW));
        assertEquals("The order is ISSUED; only an order ACKNOWLEDGED can become EN_ROUTE", skipped.getMessage());
        refused(409, "invalid-transition", () -> order.complete(t(null), WINDOW, NOW));
        order.acknowledge(t(null), WINDOW, NOW);
        refused(409, "invalid-transition", () -> order.acknowledge(t(null), WINDOW, NOW));
        assertEquals(MobilizationStatus.ACKNOWLEDGED, order.status);
        assertNull(order.departedAt);
    }

    @Test
    void aStepIsNotDatedInTheFutureNorBeforeThePreviousStep() {
        MobilizationOrder order = issued();
        ProblemException future = refused(400, "validation", () -> order.acknowledge(t(at(31)), WINDOW, NOW));
        assertEquals("at", future.errors().get(0).field());
        ProblemException beforeAlarm = refused(400, "validation", () -> order.acknowledge(t(at(-301)), WINDOW, NOW));
        assertEquals("at", beforeAlarm.errors().get(0).field());
        assertEquals(MobilizationStatus.ISSUED, order.status);
        order.acknowledge(t(at(-300)), WINDOW, NOW);
        refused(400, "validation", () -> order.depart(t(at(-301)), WINDOW, NOW));
        order.depart(t(at(-300)), WINDOW, NOW);
        assertEquals(MobilizationStatus.EN_ROUTE, order.status, "a step may share its predecessor's time");
    }

    @Test
    void theIssuingAuthorityOrNationalCancelsAnOpenOrder() {
        MobilizationOrder bySameAuthority = issued();
        bySameAuthority.cancel(" 误报 ", SICHUAN_COLLEAGUE, NOW);
        assertEquals(MobilizationStatus.CANCELLED, bySameAuthority.status);
        assertEquals("误报", bySameAuthority.cancellationReason);
        assertEquals(NOW, bySameAuthority.cancelledAt);

        MobilizationOrder byNational = issued();
        byNational.acknowledge(t(null), WINDOW, NOW);
        byNational.cancel("险情解除", NATIONAL, NOW);
        assertEquals(MobilizationStatus.CANCELLED, byNational.status);
    }

    @Test
    void anotherAuthorityCannotCancel() {
        for (Caller other : List.of(SHANXI, SICHUAN_MINES)) {
            MobilizationOrder order = issued();
            ProblemException problem = refused(403, "forbidden", () -> order.cancel("误报", other, NOW));
            assertEquals("Only the issuing authority (PROVINCIAL 510000) or the national level may cancel this order", problem.getMessage());
            assertEquals(MobilizationStatus.ISSUED, order.status);
        }
    }

    @Test
    void aClosedOrderCannotBeCancelled() {
        MobilizationOrder cancelled = issued();
        cancelled.cancel("误报", SICHUAN, NOW);
        refused(409, "invalid-transition", () -> cancelled.cancel("again", NATIONAL, NOW));
        refused(409, "invalid-transition", () -> cancelled.acknowledge(t(null), WINDOW, NOW));

        MobilizationOrder completed = issued();
        completed.acknowledge(t(null), WINDOW, NOW);
        completed.depart(t(null), WINDOW, NOW);
        completed.arrive(t(null), WINDOW, NOW);
        completed.complete(t(null), WINDOW, NOW);
        ProblemException problem = refused(409, "invalid-transition", () -> completed.cancel("again", SICHUAN, NOW));
        assertEquals("The order is COMPLETED and can no longer be cancelled", problem.getMessage());
    }

    @Test
    void aStepReportedAfterTheFactIsFlaggedAndAcceptedOnlyWithinTheWindow() {
        MobilizationOrder order = MobilizationOrder.issue(team(), incident(at(-30 * 3600)), INCIDENT, null, SICHUAN, NOW);
        ProblemException tooLate = refused(400, "validation", () -> order.acknowledge(
                new MobilizationOrder.ReportedTime(at(-25 * 3600), "occurredAt"), WINDOW, NOW));
        assertEquals("occurredAt", tooLate.errors().get(0).field());
        assertEquals(MobilizationStatus.ISSUED, order.status);
        order.acknowledge(new MobilizationOrder.ReportedTime(at(-23 * 3600), "occurredAt"), WINDOW, NOW);
        order.depart(new MobilizationOrder.ReportedTime(at(-20), "occurredAt"), WINDOW, NOW);
        order.arrive(t(null), WINDOW, NOW);
        assertEquals(List.of(MobilizationStatus.ACKNOWLEDGED), order.lateReportedSteps(),
                "a step dated within the clock skew of its posting is not late");
        assertTrue(order.isReportedLate(MobilizationStatus.ACKNOWLEDGED));
        assertFalse(order.isReportedLate(MobilizationStatus.EN_ROUTE));
        order.complete(new MobilizationOrder.ReportedTime(at(1800), "occurredAt"), WINDOW, NOW.plusSeconds(3600));
        assertEquals(List.of(MobilizationStatus.ACKNOWLEDGED, MobilizationStatus.COMPLETED), order.lateReportedSteps());
    }

    @Test
    void aShorterWindowRefusesWhatTheDefaultAccepts() {
        MobilizationOrder order = MobilizationOrder.issue(team(), incident(at(-7200)), INCIDENT, null, SICHUAN, NOW);
        refused(400, "validation", () -> order.acknowledge(t(at(-3600)), Duration.ofMinutes(30), NOW));
        order.acknowledge(t(at(-3600)), WINDOW, NOW);
        assertEquals(NOW.minusSeconds(3600), order.acknowledgedAt);
    }
}
