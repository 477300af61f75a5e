package cn.rescueforce.teams.webhook;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.devkit.testing.WebhookReceiver;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks over HTTP (openapi/teams-api.yaml, tag Webhooks; README, "Change feed and webhooks"): a receiver on
 * 127.0.0.1 verifies every signature, as an integrator's would.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aProvincialSubscriberReceivesItsProvincesTeamChangesAndNeverAnothers() throws Exception {
        String sichuan = Tokens.provincial("510000");
        subscribe(sichuan, receiver, List.of("team.registered"));
        UUID unit = Registry.unit("510000");
        UUID first = Registry.team("510000", "MINING", unit);
        UUID guangdong = Registry.team("440000", "MINING", Registry.unit("440000"));
        UUID last = Registry.team("510000", "OIL_GAS", unit);

        // changes are queued in feed order, each as its owner reads it: once the last one is queued, another
        // province's was passed over (the two teams' changes may arrive in either order: they are about different entities)
        WebhookReceiver.Delivery delivery = receiver.await(about(first), WITHIN);
        receiver.await(about(last), WITHIN);
        List<String> subjects = receiver.deduplicated().stream().map(d -> d.event().path("subject").asText()).sorted().toList();
        assertEquals(Stream.of(first, last).map(UUID::toString).sorted().toList(), subjects, "never " + guangdong);
        assertTrue(receiver.refused().isEmpty());

        assertEquals("application/cloudevents+json", delivery.contentType());
        assertEquals("1.0", delivery.event().path("specversion").asText());
        assertEquals(delivery.webhookId(), delivery.event().path("id").asText());
        assertEquals("/teams-api", delivery.event().path("source").asText());
        assertEquals("team.registered", delivery.event().path("type").asText());
        assertEquals("application/json", delivery.event().path("datacontenttype").asText());
        assertEquals("Team", delivery.event().path("entitytype").asText());
        assertEquals("NATIONAL", delivery.event().path("actinglevel").asText());
        assertEquals(first.toString(), delivery.event().path("data").path("id").asText());
        assertEquals("510000", delivery.event().path("data").path("province").asText());
        assertTrue(delivery.event().hasNonNull("time"));
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsOwnerSeesTheSubscription() {
        String owner = Tokens.provincial("510000");
        String other = Tokens.provincial("440000");
        Map<String, Object> created = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("targetUrl", receiver.url(), "eventTypes", List.of("team.registered", "team.designated"),
                        "description", "四川省应急管理厅 台账同步"))
                .post("/api/v1/webhook-subscriptions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("secret", startsWith("whsec_"))
                .body("state", equalTo("ACTIVE"))
                .extract().as(Map.class);
        String id = (String) created.get("id");

        given().auth().oauth2(owner).get("/api/v1/webhook-subscriptions/" + id)
                .then().statusCode(200).body("secret", nullValue()).body("eventTypes", hasItem("team.designated"));
        given().auth().oauth2(owner).get("/api/v1/webhook-subscriptions")
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.secret", not(hasItem(notNullValue())));

        given().auth().oauth2(other).get("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(other).post("/api/v1/webhook-subscriptions/" + id + "/ping").then().statusCode(404);
        given().auth().oauth2(other).post("/api/v1/webhook-subscriptions/" + id + "/disable").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(other).delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.id", not(hasItem(id)));

        given().auth().oauth2(owner).delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(owner).get("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void everyLevelMaySubscribeButOnlyToEventTypesTheServicePublishes() {
        for (String token : List.of(Tokens.national(), Tokens.mineSafety("510000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("targetUrl", receiver.url(), "eventTypes", List.of("team.exited")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201);
        }
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Map.of("targetUrl", receiver.url(), "eventTypes", List.of("team.registered", "team.deleted")))
                .post("/api/v1/webhook-subscriptions")
                .then().statusCode(400)
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("errors[0].field", equalTo("eventTypes"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Map.of("targetUrl", "ftp://127.0.0.1/hook", "eventTypes", List.of("team.registered")))
                .post("/api/v1/webhook-subscriptions")
                .then().statusCode(400)
                .body("type", equalTo("https://rescue-force.cn/problems/webhook-target-refused"))
                .body("errors[0].field", equalTo("targetUrl"));
        given().contentType(ContentType.JSON)
                .body(Map.of("targetUrl", receiver.url(), "eventTypes", List.of("team.registered")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(401);
    }

    @Test
    void aPingIsSignedAndAnsweredAtOnce() throws Exception {
        String token = Tokens.national();
        String id = subscribe(token, receiver, List.of("team.exited"));
        given().auth().oauth2(token).post("/api/v1/webhook-subscriptions/" + id + "/ping")
                .then().statusCode(200)
                .body("eventType", equalTo("webhook.ping"))
                .body("responseStatus", equalTo(204))
                .body("succeeded", equalTo(true));
        WebhookReceiver.Delivery ping = receiver.await(d -> d.event().path("type").asText().equals("webhook.ping"), WITHIN);
        assertEquals(id, ping.event().path("data").path("subscriptionId").asText());

        receiver.down(true);
        given().auth().oauth2(token).post("/api/v1/webhook-subscriptions/" + id + "/ping")
                .then().log().ifValidationFails().statusCode(200).body("responseStatus", equalTo(503)).body("succeeded", equalTo(false));
    }

    @Test
    void aRedirectIsNeverFollowedAndTheLogSaysWhere() throws Exception {
        String token = Tokens.national();
        String id = subscribe(token, receiver, List.of("team.exited"));
        // the redirect points back at the receiver itself: had it been followed, the receiver would have seen it twice
        receiver.redirectTo(receiver.url());
        given().auth().oauth2(token).post("/api/v1/webhook-subscriptions/" + id + "/ping")
                .then().log().ifValidationFails().statusCode(200)
                .body("responseStatus", equalTo(307))
                .body("succeeded", equalTo(false))
                .body("error", equalTo("redirect to " + receiver.url() + " not followed"));
        assertEquals(1, receiver.redirected().size());
        assertEquals(List.of(), receiver.accepted());
    }

    @Test
    void aReceiverThatWasDownGetsEveryChangeAfterwardsInOrderOnceDeduplicated() throws Exception {
        String token = Tokens.provincial("510000");
        String id = subscribe(token, receiver, List.of("team.registered", "team.designated"));
        receiver.down(true);
        UUID unit = Registry.unit("510000");
        UUID a = Registry.activeTeam("510000", "MINING", unit);
        UUID b = Registry.activeTeam("510000", "OTHER", unit);

        // the first delivery failed twice: the receiver was down, not merely slow to be asked
        awaitLog(token, id, log -> log.extract().<List<Integer>>path("items.attempts").stream().anyMatch(n -> n >= 2));
        given().auth().oauth2(token).get("/api/v1/webhook-subscriptions/" + id + "/deliveries")
                .then().statusCode(200).body("items.recentAttempts.flatten().responseStatus", hasItem(503));
        receiver.down(false);

        // order is promised per entity: the relay may deliver a's and b's changes side by side
        for (UUID team : List.of(a, b)) {
            receiver.await(d -> d.event().path("subject").asText().equals(team.toString())
                    && d.event().path("type").asText().equals("team.designated"), WITHIN);
        }
        List<String> seen = receiver.deduplicated().stream()
                .map(d -> d.event().path("type").asText() + " " + d.event().path("subject").asText()).toList();
        assertEquals(4, seen.size(), "each change exactly once after deduplication: " + seen);
        for (UUID team : List.of(a, b)) {
            assertEquals(List.of("team.registered " + team, "team.designated " + team),
                    seen.stream().filter(change -> change.endsWith(" " + team)).toList(), "in order for " + team);
        }
    }

    @Test
    void theDeliveryLogShowsEachAttemptAndAPastChangeCanBeDeliveredAgain() throws Exception {
        String token = Tokens.provincial("510000");
        String id = subscribe(token, receiver, List.of("team.registered"));
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        WebhookReceiver.Delivery first = receiver.await(about(team), WITHIN);

        awaitLog(token, id, log -> "DELIVERED".equals(log.extract().path("items[0].state")));
        given().auth().oauth2(token).get("/api/v1/webhook-subscriptions/" + id + "/deliveries")
                .then().statusCode(200)
                .body("items[0].webhookId", equalTo(first.webhookId()))
                .body("items[0].eventType", equalTo("team.registered"))
                .body("items[0].recentAttempts[0].responseStatus", equalTo(204))
                .body("items[0].recentAttempts[0].durationMs", notNullValue());

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("changeId", first.webhookId()))
                .post("/api/v1/webhook-subscriptions/" + id + "/redeliveries")
                .then().statusCode(202).body("webhookId", equalTo(first.webhookId())).body("state", equalTo("PENDING"));
        Instant deadline = Instant.now().plus(WITHIN);
        while (receiver.accepted().stream().filter(d -> d.webhookId().equals(first.webhookId())).count() < 2) {
            assertTrue(Instant.now().isBefore(deadline), "the redelivery did not arrive");
            Thread.sleep(50);
        }
        assertEquals(1, receiver.deduplicated().size(), "a receiver deduplicating by webhook-id keeps it once");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("changeId", UUID.randomUUID()))
                .post("/api/v1/webhook-subscriptions/" + id + "/redeliveries").then().statusCode(404);
    }

    @Test
    void aDisabledSubscriptionHoldsItsChangesAndEnablingDeliversThem() throws Exception {
        String token = Tokens.provincial("510000");
        String id = subscribe(token, receiver, List.of("team.registered"));
        try (WebhookReceiver witness = WebhookReceiver.start()) {
            subscribe(Tokens.national(), witness, List.of("team.registered"));
            given().auth().oauth2(token).post("/api/v1/webhook-subscriptions/" + id + "/disable")
                    .then().statusCode(200).body("state", equalTo("DISABLED")).body("disabledReason", equalTo("disabled by its owner"));
            UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));

            witness.await(about(team), WITHIN); // the dispatcher has passed the change
            assertTrue(receiver.accepted().isEmpty(), "nothing reaches a disabled subscription");

            given().auth().oauth2(token).post("/api/v1/webhook-subscriptions/" + id + "/enable")
                    .then().statusCode(200).body("state", equalTo("ACTIVE")).body("disabledReason", nullValue());
            receiver.await(about(team), WITHIN);
        }
    }

    @Test
    void aSubscriptionWhoseDeliveryKeepsFailingIsDisabledWithTheReasonAndResumesWhenEnabled() throws Exception {
        String token = Tokens.provincial("510000");
        String id = subscribe(token, receiver, List.of("team.registered"));
        receiver.down(true);
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));

        // %test: give-up-after is 10 s (at least a day in production)
        Instant deadline = Instant.now().plus(WITHIN);
        while (!"DISABLED".equals(given().auth().oauth2(token).get("/api/v1/webhook-subscriptions/" + id)
                .then().statusCode(200).extract().path("state"))) {
            assertTrue(Instant.now().isBefore(deadline), "not disabled after the delivery kept failing");
            Thread.sleep(200);
        }
        given().auth().oauth2(token).get("/api/v1/webhook-subscriptions/" + id)
                .then().body("disabledReason", startsWith("a delivery kept failing"));

        receiver.down(false);
        given().auth().oauth2(token).post("/api/v1/webhook-subscriptions/" + id + "/enable").then().statusCode(200);
        receiver.await(about(team), WITHIN);
    }

    private static String subscribe(String token, WebhookReceiver to, List<String> eventTypes) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetUrl", to.url());
        body.put("eventTypes", eventTypes);
        Map<String, Object> created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().as(Map.class);
        to.trust((String) created.get("secret"));
        return (String) created.get("id");
    }

    private static Predicate<WebhookReceiver.Delivery> about(UUID entity) {
        return d -> d.event().path("subject").asText().equals(entity.toString());
    }

    private static void awaitLog(String token, String id, Predicate<ValidatableResponse> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!until.test(given().auth().oauth2(token).get("/api/v1/webhook-subscriptions/" + id + "/deliveries")
                .then().statusCode(200))) {
            assertTrue(Instant.now().isBefore(deadline), "the delivery log did not get there");
            Thread.sleep(100);
        }
    }
}
