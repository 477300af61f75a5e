package cn.rescueforce.assessment.outbox;

import cn.rescueforce.assessment.api.OutboxApi;
import cn.rescueforce.assessment.api.model.Decision;
import cn.rescueforce.assessment.api.model.MessageDestination;
import cn.rescueforce.assessment.api.model.OutboxMessagePage;
import cn.rescueforce.assessment.api.model.OutboxMessageState;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.OutboxState;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The outbox's messages for {@code national} (openapi/assessment-api.yaml, tag Outbox). */
@ApplicationScoped
@Authenticated
public class OutboxMessageResource implements OutboxApi {

    @Inject
    OutboxMessageService service;

    @Inject
    OutboxMessageMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response listOutboxMessages(Integer page, Integer size, String sort, OutboxMessageState state,
                                       MessageDestination destination, UUID assessmentId) {
        PageRequest request = PageRequest.of(page, size, sort, OutboxMessageService.SORTABLE, OutboxMessageService.defaultSort());
        PanacheQuery<OutboxMessage> found = service.list(state == null ? null : OutboxState.valueOf(state.name()),
                destination == null ? null : destination.toString(), assessmentId, request);
        return Response.ok(new OutboxMessagePage(found.list().stream().map(mapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response getOutboxMessage(UUID messageId) {
        return Response.ok(mapper.toApi(service.get(messageId))).build();
    }

    @Override
    public Response retryOutboxMessage(UUID messageId, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, null, () -> Response.ok(mapper.toApi(service.retry(messageId))).build());
    }

    @Override
    public Response discardOutboxMessage(UUID messageId, Decision decision, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision,
                () -> Response.ok(mapper.toApi(service.discard(messageId, decision.getReason()))).build());
    }
}
