package cn.rescueforce.assessment.webhook;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.devkit.testing.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks of assessment-api (openapi/assessment-api.yaml, tag Webhooks): an assessor organisation subscribes to
 * the assessments scheduled for it, and receives its own only, signed.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    void anAssessorReceivesTheAssessmentsScheduledForItsOrganisationOnly() throws Exception {
        UUID assessor = UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, Object> created = given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON)
                    .body(Map.of("targetUrl", receiver.url(), "eventTypes", List.of("assessment.scheduled")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().as(Map.class);
            receiver.trust((String) created.get("secret"));

            UUID mine = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
            UUID another = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), UUID.randomUUID());
            UUID mineToo = Fixtures.schedule(teams.addTeam("440000", "MINING", UUID.randomUUID()), assessor);

            // queued in feed order: once the last one is queued, the other organisation's was passed over (the two
            // may arrive in either order: they are about different entities)
            receiver.await(d -> d.event().path("subject").asText().equals(mine.toString()), WITHIN);
            receiver.await(d -> d.event().path("subject").asText().equals(mineToo.toString()), WITHIN);
            List<String> subjects = receiver.deduplicated().stream().map(d -> d.event().path("subject").asText()).sorted().toList();
            assertEquals(Stream.of(mine, mineToo).map(UUID::toString).sorted().toList(), subjects, "never " + another);
            assertTrue(receiver.refused().isEmpty());
            assertEquals("assessment.scheduled", receiver.deduplicated().get(0).event().path("type").asText());
            assertEquals("/assessment-api", receiver.deduplicated().get(0).event().path("source").asText());
        }
    }
}
