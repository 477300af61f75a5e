package cn.rescueforce.assessment.outbox;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.OutboxState;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.webhooks.WebhookDeliveries;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;

/**
 * What {@code national} does with the outbox (openapi/assessment-api.yaml, tag Outbox): list and read its
 * messages to other services (webhook deliveries are their subscribers' own), retry a parked one, discard a parked one. Every other level is refused (403): the outbox spans all
 * provinces, and what it owes teams-api is the national centre's to decide.
 */
@ApplicationScoped
public class OutboxMessageService {

    /** API field → entity property, for {@code sort}. */
    public static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "parkedAt", "parkedAt", "attempts", "attempts");

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public static Sort defaultSort() {
        return Sort.by("createdAt", Sort.Direction.Ascending);
    }

    /** {@code state} null: the parked ones. */
    public PanacheQuery<OutboxMessage> list(OutboxState state, String destination, UUID assessmentId, PageRequest page) {
        scope.requireLevel(NATIONAL, Text.of("read the outbox"));
        Where where = new Where()
                .condition("destination <> :webhooks", Map.of("webhooks", WebhookDeliveries.DESTINATION))
                .equal("state", state == null ? OutboxState.PARKED : state)
                .equal("destination", destination)
                .equal("aggregateId", assessmentId);
        return OutboxMessage.<OutboxMessage>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    public OutboxMessage get(UUID id) {
        scope.requireLevel(NATIONAL, Text.of("read the outbox"));
        return found(OutboxMessage.findById(id), id);
    }

    @Transactional
    public OutboxMessage retry(UUID id) {
        scope.requireLevel(NATIONAL, Text.of("retry outbox messages"));
        OutboxMessage message = locked(id);
        message.retry(Instant.now());
        audit.record("OutboxMessage", message.id, "RETRIED", null, List.of("state", "nextAttemptAt"));
        return message;
    }

    @Transactional
    public OutboxMessage discard(UUID id, String reason) {
        scope.requireLevel(NATIONAL, Text.of("discard outbox messages"));
        OutboxMessage message = locked(id);
        message.discard(scope.caller().sub(), reason, Instant.now());
        audit.record("OutboxMessage", message.id, "DISCARDED", null, List.of("state", "discardReason"));
        return message;
    }

    /** Held until the transaction ends: the relay never attempts a parked message, but two retries must not cross. */
    private static OutboxMessage locked(UUID id) {
        return found(OutboxMessage.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    /** A webhook delivery is its subscription owner's (the kit's webhooks), never one of these. */
    private static OutboxMessage found(OutboxMessage message, UUID id) {
        if (message == null || WebhookDeliveries.DESTINATION.equals(message.destination)) {
            throw ProblemException.notFound(Text.of("outbox message"), id);
        }
        return message;
    }
}
