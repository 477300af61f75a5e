package cn.rescueforce.assessment.assessment;

import cn.rescueforce.assessment.api.model.AssessmentType;
import cn.rescueforce.assessment.api.model.DeliveryState;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.support.StandardExamples;
import cn.rescueforce.kit.client.CallFailed;
import cn.rescueforce.kit.client.ErrorAnswer;
import cn.rescueforce.kit.outbox.DeliveryFailure;
import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.RetryLimit;
import cn.rescueforce.kit.security.ManagementLevel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an assessment shows to whom, and how far its result's delivery got. */
class AssessmentMapperTest {

    private static final Instant AT = Instant.parse("2026-04-01T02:00:00Z");
    private static final UUID UNIT = UUID.randomUUID();

    private static Assessment appealed() {
        Assessment assessment = Assessment.schedule(new Assessment.AssessedTeam(UUID.randomUUID(), "MR-1", "四川省矿山救援队",
                        TeamCategory.MINING, "510000", "成都市", UNIT), AssessmentType.PERIODIC, StandardExamples.published(),
                UUID.randomUUID(), LocalDate.of(2026, 4, 30), null, "national-sub", ManagementLevel.NATIONAL, AT);
        assessment.evaluationRecorded(AT);
        assessment.status = Assessment.Status.FINALIZED;
        assessment.appeal("申请复核", "unit-user", AT);
        return assessment;
    }

    @Test
    void anAssessorSeesNeitherWhoHostsTheTeamNorWhoAppealed() {
        var api = AssessmentMapper.toApi(appealed(), true, null, LocalDate.of(2026, 4, 2));
        assertNull(api.getTeam().getSupportingUnitId());
        assertEquals("unit", api.getAppeal().getAppealedBy());
        assertNull(api.getResultDelivery());
    }

    @Test
    void theManagementLevelsSeeTheHostAndTheOverdueState() {
        var api = AssessmentMapper.toApi(appealed(), false, null, LocalDate.of(2026, 5, 1));
        assertEquals(UNIT, api.getTeam().getSupportingUnitId());
        assertEquals("unit-user", api.getAppeal().getAppealedBy());
        assertEquals(TeamCategory.MINING, api.getTeam().getCategory());
        assertEquals("NATIONAL", api.getScheduledByLevel().toString());
        assertTrue(api.getOverdue());
    }

    @Test
    void aPendingDeliveryShowsItsNextAttemptAndADeliveredOneDoesNot() {
        OutboxMessage message = new OutboxMessage();
        message.roundStartedAt = AT;
        message.attempting();
        message.failed(DeliveryFailure.of("teams-api", new IllegalStateException("down")), new RetryLimit(5, Duration.ofDays(3)),
                Duration.ofSeconds(5), AT);
        var pending = AssessmentMapper.toApi(appealed(), false, message, LocalDate.of(2026, 4, 2)).getResultDelivery();
        assertEquals(DeliveryState.PENDING, pending.getState());
        assertEquals(AT.plusSeconds(5), pending.getNextAttemptAt().toInstant());

        message.delivered(AT.plusSeconds(6));
        var delivered = AssessmentMapper.toApi(appealed(), false, message, LocalDate.of(2026, 4, 2)).getResultDelivery();
        assertEquals(DeliveryState.DELIVERED, delivered.getState());
        assertNull(delivered.getNextAttemptAt());
        assertEquals(1, delivered.getAttempts());
    }

    @Test
    void aParkedDeliveryShowsAsParkedWithoutANextAttempt() {
        OutboxMessage message = new OutboxMessage();
        message.roundStartedAt = AT;
        message.attempting();
        message.failed(DeliveryFailure.of("teams-api", new CallFailed("teams-api: ErrorAnswer: answered HTTP 404", new ErrorAnswer(404))),
                new RetryLimit(5, Duration.ofDays(3)), Duration.ofSeconds(5), AT);
        var parked = AssessmentMapper.toApi(appealed(), false, message, LocalDate.of(2026, 4, 2)).getResultDelivery();
        assertEquals(DeliveryState.PARKED, parked.getState());
        assertNull(parked.getNextAttemptAt());
    }
}
