package cn.rescueforce.kit.client;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherServiceTest {

    private static final String UNAVAILABLE = "https://rescue-force.cn/problems/dependency-unavailable";
    private static final OtherService TEAMS_API = OtherService.named("teams-api");
    private static final UUID TEAM = UUID.fromString("3f6d2a8e-1c4b-4e7a-9b0d-5a2e8c7f1d20");
    private static final Map<Integer, Supplier<ProblemException>> NOT_VISIBLE = Map.of(404, () -> ProblemException.notFound(Text.of("team"), TEAM));

    @Test
    void aSuccessfulCallReturnsTheAnswer() {
        assertEquals("team", TEAMS_API.call(() -> "team", NOT_VISIBLE));
    }

    @Test
    void a404MeansWhatTheCallerSaysItMeans() {
        ProblemException problem = assertThrows(ProblemException.class, () -> TEAMS_API.call(() -> {
            throw new ErrorAnswer(404);
        }, NOT_VISIBLE));
        assertEquals(404, problem.status());
        assertEquals("No team " + TEAM, problem.getMessage());
    }

    @Test
    void a404TheCallerGaveNoMeaningIsTheOtherServicesOutage() {
        ProblemException problem = TEAMS_API.translate(new ErrorAnswer(404), Map.of());
        assertEquals(503, problem.status());
        assertEquals(UNAVAILABLE, problem.type());
    }

    @Test
    void serverErrorsAreA503NamingTheService() {
        for (int status : new int[] {500, 502, 503, 504}) {
            ProblemException problem = TEAMS_API.translate(new ErrorAnswer(status), NOT_VISIBLE);
            assertEquals(503, problem.status());
            assertEquals(UNAVAILABLE, problem.type());
            assertTrue(problem.getMessage().startsWith("teams-api "), problem.getMessage());
        }
    }

    @Test
    void ourServiceAccountRefusedIsA503WhateverTheCallerMapped() {
        Map<Integer, Supplier<ProblemException>> everything = Map.of(401, () -> ProblemException.forbidden(Text.of("x")),
                403, () -> ProblemException.forbidden(Text.of("y")));
        assertEquals(503, TEAMS_API.translate(new ErrorAnswer(401), everything).status());
        assertEquals(503, TEAMS_API.translate(new ErrorAnswer(403), everything).status());
    }

    @Test
    void timeoutsRefusedConnectionsAndAMissingTokenAreA503() {
        assertEquals(503, TEAMS_API.translate(new ProcessingException(new TimeoutException("read timed out")), NOT_VISIBLE).status());
        assertEquals(503, TEAMS_API.translate(new ProcessingException(new ConnectException("Connection refused: /127.0.0.1:8081")), NOT_VISIBLE).status());
        assertEquals(503, TEAMS_API.translate(new RuntimeException("OIDC Server is not available"), NOT_VISIBLE).status());
    }

    @Test
    void anAnswerWrappedByTheClientIsStillRecognised() {
        assertEquals(404, TEAMS_API.translate(new ProcessingException(new ErrorAnswer(404)), NOT_VISIBLE).status());
    }

    @Test
    void theUnavailableProblemNamesTheServiceNotTheCause() {
        ProblemException problem = OtherService.named("equipment-api").unavailable();
        assertEquals(503, problem.status());
        assertEquals("equipment-api cannot be reached or did not answer in time; retry later", problem.getMessage());
    }

    @Test
    void aBackgroundAttemptThatFailsSaysWhatHappenedForTheNextAttemptsRecord() {
        CallFailed answered = assertThrows(CallFailed.class, () -> TEAMS_API.attempt(() -> {
            throw new ErrorAnswer(422);
        }));
        assertEquals("teams-api: ErrorAnswer: answered HTTP 422", answered.getMessage());
        CallFailed refused = assertThrows(CallFailed.class, () -> TEAMS_API.attempt(() -> {
            throw new ProcessingException(new ConnectException("Connection refused: /127.0.0.1:8081"));
        }));
        assertEquals("teams-api: ProcessingException <- ConnectException: Connection refused: /127.0.0.1:8081", refused.getMessage());
        assertEquals("team", TEAMS_API.attempt(() -> "team"));
    }

    @Test
    void aFailedAttemptCarriesTheAnswerSoTheCallerCanTellARefusalFromAnOutage() {
        CallFailed refused = assertThrows(CallFailed.class, () -> TEAMS_API.attempt(() -> {
            throw new ErrorAnswer(422, "https://rescue-force.cn/problems/validation", "Request is invalid");
        }));
        assertEquals(422, refused.answer().orElseThrow().status());
        assertEquals("https://rescue-force.cn/problems/validation", refused.answer().orElseThrow().problemType());
        assertEquals("Request is invalid", refused.answer().orElseThrow().problemTitle());
        CallFailed down = assertThrows(CallFailed.class, () -> TEAMS_API.attempt(() -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }));
        assertTrue(down.answer().isEmpty());
    }

    @Test
    void anAnswersProblemTypeAndTitleAreKeptOnlyShortAndWithoutCredentials() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZXJ2aWNlLWFjY291bnQifQ.c2lnbmF0dXJl";
        ErrorAnswer answer = new ErrorAnswer(400, "not a uri <script>", "Bearer " + jwt + "\n" + "x".repeat(500));
        assertEquals(null, answer.problemType());
        assertFalse(answer.problemTitle().contains(jwt), answer.problemTitle());
        assertFalse(answer.problemTitle().contains("\n"), answer.problemTitle());
        assertEquals(ErrorAnswer.MAX_TITLE_LENGTH, answer.problemTitle().length());
        assertEquals(null, new ErrorAnswer(500, null, " ").problemTitle());
    }

    @Test
    void whatIsLoggedCarriesNoTokenAndNoSecret() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZXJ2aWNlLWFjY291bnQifQ.c2lnbmF0dXJl";
        String logged = OtherService.describe(new ProcessingException("token request failed: grant_type=client_credentials"
                + "&client_id=equipment-api&client_secret=s3cr3t-Value", new IllegalStateException("Authorization: Bearer " + jwt
                + " refused; body {\"access_token\":\"abc.def\",\"password\": \"pw\"} Basic ZXF1aXBtZW50OnMzY3I=")));
        for (String secret : new String[] {"s3cr3t-Value", jwt, "c2lnbmF0dXJl", "abc.def", "\"pw\"", "ZXF1aXBtZW50OnMzY3I="}) {
            assertFalse(logged.contains(secret), () -> "logged " + secret + ": " + logged);
        }
        assertTrue(logged.startsWith("ProcessingException: token request failed"), logged);
        assertTrue(logged.contains("client_id=equipment-api"), logged);
        assertTrue(logged.contains(" <- IllegalStateException: "), logged);
    }

    @Test
    void aMessageWithoutCredentialsIsLoggedAsItIs() {
        String message = "Connection refused: /127.0.0.1:8081 ($1 and \\ stay)";
        assertEquals(message, OtherService.withoutCredentials(message));
    }
}
