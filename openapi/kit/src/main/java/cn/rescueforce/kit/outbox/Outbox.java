package cn.rescueforce.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Queues a message for another service in the caller's transaction: it commits with the change, or not at all. */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(String destination, String idempotencyKey, UUID aggregateId, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload cannot be written as JSON", e);
        }
        OutboxMessage message = OutboxMessage.queued(destination, idempotencyKey, aggregateId, body, Instant.now());
        message.persist();
        return message;
    }

    /**
     * Queues a message whose payload is already JSON, delivered after every earlier message (by
     * {@code orderingPosition}) of {@code orderingKey}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueueInOrder(String destination, String idempotencyKey, UUID aggregateId, String payloadJson,
                                        String orderingKey, long orderingPosition) {
        OutboxMessage message = OutboxMessage.queued(destination, idempotencyKey, aggregateId, payloadJson, Instant.now(),
                orderingKey, orderingPosition);
        message.persist();
        return message;
    }

    /** The newest message about an aggregate, for showing how far its delivery got. */
    public Optional<OutboxMessage> latestFor(UUID aggregateId) {
        return OutboxMessage.<OutboxMessage>find("aggregateId = ?1 order by createdAt desc", aggregateId).firstResultOptional();
    }
}
