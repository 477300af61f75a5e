package cn.rescueforce.kit.webhooks;

/**
 * Whether a subscription receives deliveries (common.yaml, {@code WebhookSubscriptionState}): {@code ACTIVE}, or
 * {@code DISABLED} by its owner or after a delivery kept failing for {@link WebhooksConfig#giveUpAfter()}; its
 * changes wait, and enabling it delivers them.
 */
public enum WebhookState {
    ACTIVE, DISABLED
}
