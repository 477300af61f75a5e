package cn.rescueforce.assessment.webhook;

import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.webhooks.WebhookSubscriptions;
import cn.rescueforce.kit.webhooks.WebhookViews;
import cn.rescueforce.assessment.api.WebhooksApi;
import cn.rescueforce.assessment.api.model.WebhookRedelivery;
import cn.rescueforce.assessment.api.model.WebhookSubscriptionInput;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** The caller's webhook subscriptions (openapi/assessment-api.yaml, tag Webhooks): the kit's {@link WebhookSubscriptions}. */
@ApplicationScoped
@Authenticated
public class WebhookSubscriptionResource implements WebhooksApi {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response createWebhookSubscription(WebhookSubscriptionInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            WebhookViews.Created created = subscriptions.create(
                    new WebhookViews.Input(input.getTargetUrl(), input.getEventTypes(), input.getDescription()));
            return Response.created(URI.create("/api/v1/webhook-subscriptions/" + created.id())).entity(created).build();
        });
    }

    @Override
    public Response listWebhookSubscriptions(Integer page, Integer size) {
        return Response.ok(subscriptions.list(page, size)).build();
    }

    @Override
    public Response getWebhookSubscription(UUID subscriptionId) {
        return Response.ok(subscriptions.get(subscriptionId)).build();
    }

    @Override
    public Response deleteWebhookSubscription(UUID subscriptionId) {
        subscriptions.delete(subscriptionId);
        return Response.noContent().build();
    }

    @Override
    public Response pingWebhookSubscription(UUID subscriptionId) {
        return Response.ok(subscriptions.ping(subscriptionId)).build();
    }

    @Override
    public Response listWebhookDeliveries(UUID subscriptionId, Integer page, Integer size) {
        return Response.ok(subscriptions.deliveries(subscriptionId, page, size)).build();
    }

    @Override
    public Response redeliverWebhookEvent(UUID subscriptionId, WebhookRedelivery redelivery) {
        return Response.accepted(subscriptions.redeliver(subscriptionId, redelivery.getChangeId())).build();
    }

    @Override
    public Response enableWebhookSubscription(UUID subscriptionId) {
        return Response.ok(subscriptions.enable(subscriptionId)).build();
    }

    @Override
    public Response disableWebhookSubscription(UUID subscriptionId) {
        return Response.ok(subscriptions.disable(subscriptionId)).build();
    }
}
