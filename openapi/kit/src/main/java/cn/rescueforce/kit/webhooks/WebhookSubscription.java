package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A caller's order to receive the changes it may read, of some event types, at a URL (README, "Change feed and
 * webhooks"). It keeps its owner as the {@link Caller} it was created by, so that its deliveries are exactly what
 * that caller reads in the feed, and the feed {@code position} up to which its changes are queued.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    /** Longest disabling reason kept (the column's length). */
    static final int MAX_REASON_LENGTH = 1000;

    @Id
    public UUID id;

    @Column(name = "owner_sub", nullable = false)
    public String ownerSub;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_level", nullable = false)
    public ManagementLevel ownerLevel;

    @Column(name = "owner_region")
    public String ownerRegion;

    @Column(name = "owner_org")
    public UUID ownerOrg;

    @Column(name = "target_url", nullable = false)
    public String targetUrl;

    /** The event types, comma-separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    public String description;

    /** The signing secret ({@link WebhookSignature}), shown to the owner once, at creation. */
    @Column(nullable = false)
    public String secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookState state = WebhookState.ACTIVE;

    /** The feed position up to which this subscription's changes are queued for delivery. */
    @Column(nullable = false)
    public long position;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** A new active subscription of {@code owner}, receiving the changes after {@code from}. */
    static WebhookSubscription of(Caller owner, String targetUrl, List<String> eventTypes, String description, String secret,
                                  long from, Instant now) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerSub = owner.sub();
        subscription.ownerLevel = owner.level();
        subscription.ownerRegion = owner.region();
        subscription.ownerOrg = owner.org();
        subscription.targetUrl = targetUrl;
        subscription.eventTypes = String.join(",", eventTypes);
        subscription.description = description;
        subscription.secret = secret;
        subscription.position = from;
        subscription.createdAt = now;
        return subscription;
    }

    /** Whom the deliveries are for: the feed is read as this caller. */
    public Caller owner() {
        return new Caller(ownerSub, ownerLevel, ownerRegion, ownerOrg);
    }

    public boolean isOwnedBy(Caller caller) {
        return ownerSub.equals(caller.sub());
    }

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean isActive() {
        return state == WebhookState.ACTIVE;
    }

    /** The changes up to {@code position} are queued. */
    void queuedThrough(long through) {
        if (through > position) {
            position = through;
        }
    }

    /** Deliveries stop until {@link #enable()}: the changes meanwhile wait, none is lost. */
    void disable(String reason, Instant at) {
        if (state == WebhookState.DISABLED) {
            return;
        }
        state = WebhookState.DISABLED;
        disabledAt = at;
        disabledReason = reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }

    /** Deliveries resume with what was held back. */
    void enable() {
        state = WebhookState.ACTIVE;
        disabledAt = null;
        disabledReason = null;
    }
}
