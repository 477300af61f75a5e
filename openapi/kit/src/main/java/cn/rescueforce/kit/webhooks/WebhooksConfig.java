package cn.rescueforce.kit.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The webhooks' settings (kit META-INF/microprofile-config.properties, section "webhooks"; README, "Change feed and webhooks"). */
@ConfigMapping(prefix = "rescue-force.webhooks")
public interface WebhooksConfig {

    /**
     * How often the dispatcher looks for changes committed by other replicas (its own replica's it queues and delivers
     * right after they commit) and for deliveries due again; the scheduler runs nothing more often than every second.
     */
    @WithDefault("1s")
    String dispatchInterval();

    /** Changes one dispatcher run queues per subscription at most; the rest follow in the next run. */
    @WithDefault("500")
    int dispatchBatch();

    /** The CloudEvents {@code source} of every delivery: the service's name. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /** Whether a target must be {@code https} (prod); dev, local and test allow {@code http}. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Whether a target may resolve to a private, loopback, link-local, unique-local, CGNAT, multicast or unspecified
     * address ({@link WebhookTarget}); only dev, local and test allow it, so that tests run a receiver on 127.0.0.1.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** How long a receiver may take to accept the connection. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long a receiver may take to answer a delivery; longer counts as a failed attempt. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Wait after the first failed attempt of a delivery; doubles with each further failure up to {@link #maxBackoff()}. */
    @WithDefault("PT5S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /**
     * How long a delivery is retried before the relay gives up on it; giving up disables the subscription
     * (README, "Change feed and webhooks"). At least a day.
     */
    @WithDefault("P1D")
    Duration giveUpAfter();

    /** Subscriptions one caller may hold. */
    @WithDefault("20")
    int maxSubscriptionsPerCaller();
}
