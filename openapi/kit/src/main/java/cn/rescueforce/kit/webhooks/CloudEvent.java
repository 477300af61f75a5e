package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.changes.ChangePage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The body of a delivery: a CloudEvents 1.0 event in structured JSON mode ({@code application/cloudevents+json};
 * README, "Change feed and webhooks"). {@code id} is the change's id (also the {@code webhook-id}), {@code source}
 * the service, {@code type} the feed's event type, {@code subject} the entity's id, {@code data} the entity as the
 * feed shows it. Extension attributes, lowercase alphanumerics as CloudEvents names must be: {@code entitytype},
 * {@code entityversion} and {@code actinglevel} (the level of whoever made the change).
 */
final class CloudEvent {

    static final String MEDIA_TYPE = "application/cloudevents+json";
    /** The type of a ping, which carries no change. */
    static final String PING = "webhook.ping";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvent() {
    }

    static String of(ChangePage.Change change, String source) {
        ObjectNode event = envelope(change.id(), source, change.type(), change.occurredAt());
        event.put("subject", change.entityId().toString());
        event.put("datacontenttype", "application/json");
        event.put("entitytype", change.entityType());
        if (change.entityVersion() != null) {
            event.put("entityversion", change.entityVersion());
        }
        event.put("actinglevel", change.actorLevel().name());
        event.putRawValue("data", new RawValue(change.data()));
        return event.toString();
    }

    static String ping(UUID id, UUID subscriptionId, String source, OffsetDateTime at) {
        ObjectNode event = envelope(id, source, PING, at);
        event.put("subject", subscriptionId.toString());
        event.put("datacontenttype", "application/json");
        event.putObject("data").put("subscriptionId", subscriptionId.toString());
        return event.toString();
    }

    private static ObjectNode envelope(UUID id, String source, String type, OffsetDateTime time) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id.toString());
        event.put("source", source);
        event.put("type", type);
        event.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
        return event;
    }
}
