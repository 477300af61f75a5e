package cn.rescueforce.assessment.outbox;

import cn.rescueforce.assessment.api.model.MessageDestination;
import cn.rescueforce.assessment.api.model.OutboxMessageState;
import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.OutboxState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

import static cn.rescueforce.assessment.Utc.of;

/** An outbox message as the contract shows it ({@code OutboxMessage}): never its payload, only whom it concerns. */
@ApplicationScoped
public class OutboxMessageMapper {

    @Inject
    ObjectMapper json;

    public cn.rescueforce.assessment.api.model.OutboxMessage toApi(OutboxMessage m) {
        return new cn.rescueforce.assessment.api.model.OutboxMessage()
                .id(m.id)
                .destination(MessageDestination.fromValue(m.destination))
                .assessmentId(m.aggregateId)
                .teamId(teamOf(m))
                .state(OutboxMessageState.valueOf(m.state.name()))
                .createdAt(of(m.createdAt))
                .attempts(m.attempts)
                .nextAttemptAt(m.state == OutboxState.PENDING ? of(m.nextAttemptAt) : null)
                .deliveredAt(of(m.deliveredAt))
                .lastErrorStatus(m.lastErrorStatus)
                .lastError(m.lastError)
                .parkedAt(of(m.parkedAt))
                .parkingCause(m.parkingCause == null ? null
                        : cn.rescueforce.assessment.api.model.ParkingCause.valueOf(m.parkingCause.name()))
                .reason(m.parkingReason)
                .discardedAt(of(m.discardedAt))
                .discardedBy(m.discardedBy)
                .discardReason(m.discardReason);
    }

    /** The team a result is for ({@code teamId} of the payload every destination of today writes), or null. */
    private UUID teamOf(OutboxMessage m) {
        try {
            JsonNode team = json.readTree(m.payload).path("teamId");
            return team.isTextual() ? UUID.fromString(team.asText()) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
