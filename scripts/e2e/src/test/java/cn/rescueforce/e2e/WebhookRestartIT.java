package cn.rescueforce.e2e;

import cn.rescueforce.devkit.testing.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restarted service loses no pending webhook delivery (README, "Change feed and webhooks"): the packaged teams-api,
 * with the realm's tokens, queues deliveries for a receiver that is down, is killed (SIGKILL, nothing in memory
 * survives) and started again; once the receiver is back, every change arrives, signed, exactly once after
 * deduplication by {@code webhook-id}, in the order of the feed. The run's teams-api accepts a loopback receiver over
 * http and retries within seconds (its environment says so, beside the manifests'), which prod refuses.
 */
@Order(6)
@ExtendWith(Suite.Extension.class)
class WebhookRestartIT {

    private static final int CHANGES = 5;
    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    private static String url(String path) {
        return suite.service("teams-api").url() + path;
    }

    @Test
    void deliveriesPendingWhenTheServiceIsKilledArriveAfterItStartsAgain() throws Exception {
        ServiceProcess teams = suite.service("teams-api");
        teams.restart(Map.of("RESCUE_FORCE_WEBHOOKS_REQUIRE_HTTPS", "false", "RESCUE_FORCE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
                "RESCUE_FORCE_WEBHOOKS_INITIAL_BACKOFF", "PT1S", "RESCUE_FORCE_WEBHOOKS_MAX_BACKOFF", "PT2S"), false);
        String sichuan = IdentityIT.user("provincial-510000");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.down(true);
            JsonNode subscription = Http.call("POST", url("/api/v1/webhook-subscriptions"), sichuan, Map.of(
                    "targetUrl", receiver.url(), "eventTypes", List.of("supporting-unit.registered"),
                    "description", "restart test")).expect(201);
            String id = subscription.path("id").asText();
            String secret = subscription.path("secret").asText();
            suite.secrets.set("webhook-secrets", id, secret); // the log check (ServiceLogsIT) looks for it too
            receiver.trust(secret);

            List<String> units = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                units.add(Http.call("POST", url("/api/v1/supporting-units"), sichuan, Bodies.unit("510000")).expect(201)
                        .path("id").asText());
            }
            // the deliveries are queued and failing: the receiver answered 503 at least once
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!attempted(id, sichuan)) {
                assertTrue(Instant.now().isBefore(deadline), "no delivery was attempted within 60 s");
                Thread.sleep(200);
            }

            teams.restart(Map.of(), true);
            receiver.down(false);

            deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (receiver.deduplicated().size() < CHANGES) {
                assertTrue(Instant.now().isBefore(deadline), "after the restart, only " + receiver.deduplicated().size()
                        + " of " + CHANGES + " changes arrived within 90 s");
                Thread.sleep(200);
            }
            Thread.sleep(3000); // time for anything that would arrive twice or more
            List<WebhookReceiver.Delivery> kept = receiver.deduplicated();
            // every change once; each is about a unit of its own, and changes about different entities may be sent at
            // the same time (README "Change feed and webhooks": the order holds per entity), so they are compared as sets
            assertEquals(units.stream().sorted().toList(), kept.stream().map(d -> d.event().path("subject").asText()).sorted().toList(),
                    "every change once");
            assertEquals(List.of(), receiver.refused(), "every delivery signed with the subscription's secret");
        }
    }

    private static boolean attempted(String subscription, String token) {
        JsonNode log = Http.get(url("/api/v1/webhook-subscriptions/" + subscription + "/deliveries"), token).expect(200);
        for (JsonNode delivery : log.path("items")) {
            if (delivery.path("attempts").asInt() > 0) {
                return true;
            }
        }
        return false;
    }
}
