package cn.rescueforce.teams.security;

import cn.rescueforce.devkit.DevToken;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rejected token never reaches a log line, at any level: quarkus-oidc reports each rejection at DEBUG with the
 * verifier's message, which holds the token (bad signature) or its claims (expired). The records are captured
 * behind the filter of the service's console handler, i.e. as the console would print them, with quarkus-oidc's
 * loggers at DEBUG for the duration of the test.
 */
@QuarkusTest
class NoTokenInLogsTest {

    private static final String OIDC_LOGGERS = "io.quarkus.oidc";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Logger oidc;
    private Level oidcLevel;
    private Handler capture;

    /** The handlers that write log lines: the leaves under the root logger's handlers. */
    private static List<Handler> outputs(Handler[] handlers, List<Handler> found) {
        for (Handler handler : handlers) {
            if (handler instanceof ExtHandler ext && ext.getHandlers().length > 0) {
                outputs(ext.getHandlers(), found);
            } else {
                found.add(handler);
            }
        }
        return found;
    }

    @BeforeEach
    void captureAsTheConsolePrints() {
        Handler console = outputs(LogContext.getLogContext().getLogger("").getHandlers(), new ArrayList<>()).stream()
                .filter(handler -> handler.getClass().getSimpleName().contains("Console")).findFirst().orElse(null);
        assertNotNull(console, "the service logs to the console");
        assertNotNull(console.getFilter(), "the console handler filters its records");
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter line = new StringWriter();
                line.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(line));
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        capture.setFilter(console.getFilter());
        LogContext.getLogContext().getLogger("").addHandler(capture);
        oidc = Logger.getLogger(OIDC_LOGGERS);
        oidcLevel = oidc.getLevel();
        oidc.setLevel(Level.FINE);
    }

    @AfterEach
    void stopCapturing() {
        oidc.setLevel(oidcLevel);
        LogContext.getLogContext().getLogger("").removeHandler(capture);
    }

    private void assertLogged(String what) {
        assertTrue(lines.stream().anyMatch(line -> line.contains("Token verification has failed")),
                "quarkus-oidc reported the rejection of " + what + " (the premise of this test): " + lines);
    }

    private void assertNowhere(String secret) {
        for (String line : lines) {
            assertFalse(line.contains(secret), "a log line holds it: " + line);
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsNotLogged() {
        String token = DevToken.level("national").subject("foreign-admin").signedWithForeignKey().sign();
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(401);

        assertLogged("a token of another key");
        assertNowhere(token);
        assertNowhere(token.split("\\.")[1]);
        assertNowhere(token.split("\\.")[2]);
    }

    @Test
    void aTamperedTokenIsNotLogged() {
        String[] parts = DevToken.level("provincial").region("510000").sign().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("510000", "140000");
        String payloadPart = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + payloadPart + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/teams").then().statusCode(401);

        assertLogged("a tampered token");
        assertNowhere(forged);
        assertNowhere(payloadPart);
        assertNowhere(parts[2]);
    }

    @Test
    void theClaimsOfAnExpiredTokenAreNotLogged() {
        String token = DevToken.level("unit").subject("li.si@unit.example.cn").org("6f1d0a52-3a8e-4c47-9a36-0d2b7c5e9a11")
                .expired(Duration.ofHours(2)).sign();
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(401);

        assertLogged("an expired token");
        assertNowhere(token.split("\\.")[1]);
        assertNowhere("li.si@unit.example.cn");
        assertNowhere("6f1d0a52-3a8e-4c47-9a36-0d2b7c5e9a11");
    }
}
