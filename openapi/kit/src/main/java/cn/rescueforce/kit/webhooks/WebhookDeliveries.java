package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.changes.ChangeEvent;
import cn.rescueforce.kit.changes.ChangeFeed;
import cn.rescueforce.kit.logging.SecretRedaction;
import cn.rescueforce.kit.outbox.Backoff;
import cn.rescueforce.kit.outbox.OutboxConfig;
import cn.rescueforce.kit.outbox.OutboxDestination;
import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.OutboxState;
import cn.rescueforce.kit.outbox.ParkingCause;
import cn.rescueforce.kit.outbox.RetryLimit;
import cn.rescueforce.kit.outbox.RetrySchedule;
import cn.rescueforce.kit.outbox.UndeliverableMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Delivers a subscription's changes: the outbox destination {@code webhook} (README, "Change feed and webhooks").
 * An outbox message holds only which change (id, position, type), never the entity: the body is rendered from the
 * feed when it is sent, so personal data stays encrypted at rest. Each attempt signs the CloudEvent
 * ({@link WebhookSignature}), checks the target again after resolving it ({@link WebhookTarget}), follows no
 * redirect, and goes into the subscription's log. A 2xx acknowledges; anything else is retried by the webhooks'
 * {@link RetrySchedule} until {@link WebhooksConfig#giveUpAfter()}, when the relay gives up and the subscription is
 * disabled: its later changes are held, not lost, until its owner enables it again.
 */
@ApplicationScoped
public class WebhookDeliveries implements OutboxDestination {

    public static final String DESTINATION = "webhook";

    @Inject
    WebhooksConfig config;

    @Inject
    ChangeFeed feed;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxConfig outbox;

    @Inject
    Vertx vertx;

    private HttpClient http;
    private WebhookTarget target;

    /** What the outbox keeps of a delivery: which change, nothing of the entity. */
    public record Payload(UUID changeId, long position, String type) {
    }

    /**
     * The event loop's HTTP client (a JDK {@code HttpClient} cost about 1 ms of CPU per delivery in its own threads,
     * README "Change feed and webhooks"): kept-alive connections per target address, as many as the relay may have
     * under way ({@code rescue-force.outbox.in-flight}), no redirect followed.
     */
    @PostConstruct
    void init() {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setName("webhooks")
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                // a connection idle this long is closed by us, before a receiver's own keep-alive timeout (5 s in
                // Node.js) closes it under a delivery being sent
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                .setMaxPoolSize(outbox.inFlight())
                .setVerifyHost(true));
        target = WebhookTarget.of(config);
    }

    /** Seconds an idle connection to a receiver is kept. */
    private static final int KEEP_ALIVE_SECONDS = 4;

    @PreDestroy
    void close() {
        http.close();
    }

    @Override
    public String name() {
        return DESTINATION;
    }

    @Override
    public Optional<RetrySchedule> retrySchedule() {
        // the attempt count never ends a round: the time does, after at least a day of retries
        return Optional.of(new RetrySchedule(new Backoff(config.initialBackoff(), config.maxBackoff()),
                new RetryLimit(Integer.MAX_VALUE, config.giveUpAfter())));
    }

    /** The changes of the batch in one query: each delivery then finds its change in the persistence context. */
    @Override
    public void prepare(List<OutboxMessage> batch) {
        List<Long> positions = batch.stream().map(message -> payloadOf(message).position()).toList();
        if (positions.size() > 1) {
            // read-only, as the feed reads them: nothing of a committed change is written back at the batch's flush
            ChangeEvent.find("position in ?1", positions).withHint(HibernateHints.HINT_READ_ONLY, true).list();
        }
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        Attempt attempt = begin(message);
        attempt.answered().join();
        Exception failure = attempt.finish();
        if (failure != null) {
            throw failure;
        }
    }

    /** The entity a delivery is about: deliveries about different entities may be sent at the same time. */
    @Override
    public String concurrencyKey(OutboxMessage message) {
        ChangeEvent change = ChangeEvent.findById(payloadOf(message).position());
        return change == null ? null : change.entityType + ":" + change.entityId;
    }

    /**
     * Renders {@code message} from the feed as its subscription's owner reads it, signs it and POSTs it; once answered,
     * the attempt goes into the subscription's log ({@link Attempt#finish()}, in the relay's transaction).
     */
    @Override
    public Attempt begin(OutboxMessage message) {
        Rendered delivery;
        try {
            delivery = render(message);
        } catch (Exception e) {
            return Attempt.finished(e);
        }
        CompletableFuture<Sent> sent = post(delivery.subscription(), delivery.webhookId(), delivery.body());
        return new Attempt() {
            @Override
            public CompletableFuture<?> answered() {
                return sent;
            }

            @Override
            public Exception finish() {
                WebhookAttempt attempt = log(delivery.subscription(), message.id, delivery.webhookId(), delivery.type(), sent.join());
                return attempt.succeeded ? null : new DeliveryRefused(attempt.status == null ? attempt.error
                        : "the receiver answered HTTP " + attempt.status);
            }
        };
    }

    /** A delivery ready to be sent: its subscription, the change's id (the webhook-id), type and signed body. */
    private record Rendered(WebhookSubscription subscription, UUID webhookId, String type, String body) {
    }

    private Rendered render(OutboxMessage message) throws UndeliverableMessage {
        WebhookSubscription subscription = WebhookSubscription.findById(message.aggregateId);
        if (subscription == null) {
            throw new UndeliverableMessage("the subscription was deleted");
        }
        Payload payload = payloadOf(message);
        ChangeEvent change = ChangeEvent.findById(payload.position());
        if (change == null || !change.id.equals(payload.changeId())) {
            throw new UndeliverableMessage("change " + payload.changeId() + " is past the feed's retention");
        }
        return new Rendered(subscription, change.id, change.type,
                CloudEvent.of(feed.change(change, subscription.owner()), config.source()));
    }

    /** The relay gave up on a delivery: the subscription is disabled and its other pending deliveries held. */
    @Override
    public void parked(OutboxMessage message) {
        if (message.parkingCause != ParkingCause.GAVE_UP) {
            return; // a change past the retention or a deleted subscription: nothing to hold
        }
        WebhookSubscription subscription = WebhookSubscription.findById(message.aggregateId);
        if (subscription != null) {
            hold(subscription, "a delivery kept failing for " + config.giveUpAfter().toHours() + " hours: "
                    + message.parkingReason, Instant.now());
        }
    }

    /** Disables {@code subscription} and parks its pending deliveries, in the caller's transaction. */
    void hold(WebhookSubscription subscription, String reason, Instant now) {
        subscription.disable(reason, now);
        List<OutboxMessage> pending = OutboxMessage.list("destination = ?1 and aggregateId = ?2 and state = ?3",
                DESTINATION, subscription.id, OutboxState.PENDING);
        for (OutboxMessage message : pending) {
            message.park(ParkingCause.GAVE_UP, "held while the subscription is disabled", now);
        }
    }

    /** Enables {@code subscription}: what was held is pending again, due now, in feed order. */
    void resume(WebhookSubscription subscription, Instant now) {
        subscription.enable();
        List<OutboxMessage> parked = OutboxMessage.list("destination = ?1 and aggregateId = ?2 and state = ?3",
                DESTINATION, subscription.id, OutboxState.PARKED);
        for (OutboxMessage message : parked) {
            message.retry(now);
        }
    }

    /** The attempt logged, and the body that was sent. */
    record Attempted(WebhookAttempt attempt, String body) {
    }

    /** One signed POST of {@code body} to the subscription's target, logged whatever came of it. */
    Attempted send(WebhookSubscription subscription, UUID deliveryId, UUID webhookId, String eventType, String body) {
        return new Attempted(log(subscription, deliveryId, webhookId, eventType, post(subscription, webhookId, body).join()), body);
    }

    /** What came of a POST: when it started, how long it took, the receiver's status or why there is none. */
    private record Sent(Instant started, long durationMs, Integer status, String error) {
    }

    /**
     * A signed POST of {@code body} to the subscription's target, the target checked again after resolving it, no
     * redirect followed; completes (never exceptionally) with what came of it.
     */
    private CompletableFuture<Sent> post(WebhookSubscription subscription, UUID webhookId, String body) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        RequestOptions request;
        try {
            URI uri = URI.create(subscription.targetUrl);
            // the connection goes to an address just checked, not to whatever the name resolves to a moment later
            InetAddress address = target.resolve(uri).get(0);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
            long timestamp = started.getEpochSecond();
            request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(uri.toURL())
                    .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                    .setFollowRedirects(false)
                    .setIdleTimeout(config.requestTimeout().toMillis())
                    .putHeader("Content-Type", CloudEvent.MEDIA_TYPE)
                    .putHeader("webhook-id", webhookId.toString())
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", WebhookSignature.sign(subscription.secret, webhookId.toString(), timestamp, body));
        } catch (WebhookTarget.Refused e) {
            return CompletableFuture.completedFuture(new Sent(started, elapsedMs(start), null, "target refused: " + e.getMessage()));
        } catch (IllegalArgumentException | MalformedURLException e) {
            return CompletableFuture.completedFuture(new Sent(started, elapsedMs(start), null, failure(e)));
        }
        return http.request(request)
                .compose(sending -> {
                    // what to do with the answer is settled before the request goes: an answer that comes at once is
                    // not missed; its body is read and dropped, so that the connection serves the next delivery
                    Future<Sent> answered = sending.response().compose(response -> response.end().map(done -> {
                        int status = response.statusCode();
                        String location = response.getHeader("Location");
                        String error = status >= 300 && status < 400
                                ? "redirect to " + (location == null ? "(no Location)" : location) + " not followed" : null;
                        return new Sent(started, elapsedMs(start), status, error);
                    }));
                    sending.end(Buffer.buffer(body));
                    return answered;
                })
                .toCompletionStage().toCompletableFuture()
                // the whole exchange is bounded, not only the silence between its bytes
                .orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((sent, failed) -> {
                    if (failed == null) {
                        return sent;
                    }
                    Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
                    return new Sent(started, elapsedMs(start), null, failure(cause));
                });
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String failure(Throwable e) {
        return e.getClass().getSimpleName() + ": " + SecretRedaction.redact(String.valueOf(e.getMessage()));
    }

    /** The attempt in the subscription's log. */
    private WebhookAttempt log(WebhookSubscription subscription, UUID deliveryId, UUID webhookId, String eventType, Sent sent) {
        WebhookAttempt attempt = WebhookAttempt.of(subscription.id, deliveryId, webhookId, eventType, sent.started(),
                sent.durationMs(), sent.status(), sent.error());
        attempt.persist();
        return attempt;
    }

    /** A ping: a signed {@code webhook.ping} event, sent now, outside the feed's order. */
    WebhookAttempt ping(WebhookSubscription subscription) {
        UUID id = UUID.randomUUID();
        String body = CloudEvent.ping(id, subscription.id, config.source(), Instant.now().atOffset(ZoneOffset.UTC));
        return send(subscription, null, id, CloudEvent.PING, body).attempt();
    }

    String payloadJson(Payload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Payload payloadOf(OutboxMessage message) {
        return message.payload(Payload.class, text -> {
            try {
                return json.readValue(text, Payload.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("webhook delivery " + message.id + " has no readable payload", e);
            }
        });
    }

    /** The receiver did not acknowledge (an HTTP status outside 2xx, or no answer): tried again later. */
    static final class DeliveryRefused extends Exception {
        DeliveryRefused(String message) {
            super(message);
        }
    }
}
