package cn.rescueforce.assessment.assessment;

import cn.rescueforce.assessment.client.teams.TeamsApi;
import cn.rescueforce.assessment.client.teams.model.AssessmentResult;
import cn.rescueforce.assessment.client.teams.model.AssessmentType;
import cn.rescueforce.assessment.client.teams.model.Grade;
import cn.rescueforce.kit.client.OtherService;
import cn.rescueforce.kit.outbox.OutboxDestination;
import cn.rescueforce.kit.outbox.OutboxMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Delivers a finalized result to teams-api ({@code POST /api/v1/teams/{teamId}/assessment-results}, the
 * generated client, service account). teams-api applies a result once per assessment, so a repeat is harmless;
 * any answer but a success is a {@code CallFailed} carrying teams-api's answer, which the outbox parks when it is a
 * refusal for good and otherwise tries again later ({@code cn.rescueforce.kit.outbox.DeliveryFailure}).
 */
@ApplicationScoped
public class TeamResultDelivery implements OutboxDestination {

    public static final String DESTINATION = "teams-api";
    private static final OtherService TEAMS_API = OtherService.named("teams-api");

    /** What the outbox keeps: everything teams-api needs, as it was at finalization. */
    public record Payload(UUID teamId, UUID assessmentId, String assessmentType, String grade, LocalDate validUntil,
                          OffsetDateTime finalizedAt, String standardCode) {
    }

    @Inject
    @RestClient
    TeamsApi teams;

    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return DESTINATION;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        Payload payload = json.readValue(message.payload, Payload.class);
        AssessmentResult result = new AssessmentResult()
                .assessmentId(payload.assessmentId())
                .assessmentType(AssessmentType.fromValue(payload.assessmentType()))
                .grade(Grade.fromValue(payload.grade()))
                .validUntil(payload.validUntil())
                .finalizedAt(payload.finalizedAt())
                .standardCode(payload.standardCode());
        TEAMS_API.attempt(() -> teams.applyAssessmentResult(payload.teamId(), result, null)); // no Idempotency-Key: applied once per assessment
    }
}
