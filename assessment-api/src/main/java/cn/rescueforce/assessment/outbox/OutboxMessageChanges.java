package cn.rescueforce.assessment.outbox;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Outbox messages in the change feed: national's retry or discard of a parked message, as
 * {@code GET /api/v1/outbox-messages/{messageId}} answers it, to national only (the only level that reads them).
 */
@ApplicationScoped
public class OutboxMessageChanges implements ChangeSource {

    @Inject
    OutboxMessageMapper mapper;

    @Override
    public String entityType() {
        return "OutboxMessage";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("outbox-message.retried", "outbox-message.discarded");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("outbox-message", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        OutboxMessage message = ChangeSource.asStored(OutboxMessage.<OutboxMessage>findById(id));
        return message == null ? null : Representation.of(mapper.toApi(message), null, Audience.national());
    }
}
