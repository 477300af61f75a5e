package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Last (after the flow and every rejected token): the services' logs (stdout and stderr of each process,
 * target/e2e-logs/&lt;service&gt;.log) hold no token and no secret this run used, and Quarkus recognised every
 * configuration key the manifests set (no "Unrecognized configuration key" warning: a QUARKUS_* variable that no
 * property of the service reads would be reported so at start).
 */
@Order(9)
@ExtendWith(Suite.Extension.class)
class ServiceLogsIT {

    /** A JWT (or its first two parts): base64url of a JSON object, as every JOSE header starts. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}");
    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    /** Every secret the run used: generated Secret keys, test users' and clients' secrets, the sample data's. */
    private static Set<String> secrets() {
        Set<String> all = suite.secretValues();
        for (JsonNode user : KeycloakServer.realm().path("users")) {
            user.path("credentials").forEach(c -> all.add(c.path("value").asText()));
        }
        for (JsonNode client : KeycloakServer.realm().path("clients")) {
            if (client.hasNonNull("secret") && !client.path("secret").asText().startsWith("${")) {
                all.add(client.path("secret").asText());
            }
        }
        all.removeIf(s -> s.length() < 6);
        return all;
    }

    /**
     * A service's logs: the current process's, and those of earlier processes (an attempt that exited during start, a
     * restart by a test: {@code <service>.attempt-<n>.log}).
     */
    private static List<java.nio.file.Path> logsOf(ServiceProcess service) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> all = Files.list(service.log.getParent())) {
            return all.filter(p -> p.getFileName().toString().startsWith(service.name + ".")).sorted().toList();
        }
    }

    @Test
    void noServiceLoggedATokenOrASecret() throws IOException {
        Set<String> secrets = secrets();
        List<String> problems = new ArrayList<>();
        for (ServiceProcess service : suite.services.values()) {
            assertTrue(Files.readAllLines(service.log, StandardCharsets.UTF_8).stream().anyMatch(l -> l.contains("started in")),
                    service.name + " logged its start: " + service.log);
            for (java.nio.file.Path log : logsOf(service)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (JWT.matcher(line).find()) {
                        problems.add(log.getFileName() + ":" + (i + 1) + " holds a token");
                    }
                    for (String secret : secrets) {
                        if (line.contains(secret)) {
                            problems.add(log.getFileName() + ":" + (i + 1) + " holds a secret of this run");
                        }
                    }
                }
            }
        }
        // not vacuous: the services did log the tokens they rejected, redacted (io.quarkus.oidc at DEBUG, ServiceProcess)
        for (ServiceProcess service : suite.services.values()) {
            boolean redacted = false;
            for (java.nio.file.Path log : logsOf(service)) {
                redacted |= Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .anyMatch(l -> l.contains("[token redacted]") || l.contains("claims->[redacted]"));
            }
            assertTrue(redacted, service.name + " logged the rejected tokens, redacted: " + logsOf(service));
        }
        System.out.printf("[e2e] logs checked for tokens and %d secret values: %s%n", secrets.size(), Repo.logs());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyConfigurationKeyTheManifestsSetIsRecognised() throws IOException {
        List<String> problems = new ArrayList<>();
        for (ServiceProcess service : suite.services.values()) {
            for (java.nio.file.Path log : logsOf(service)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.contains("Unrecognized configuration key") || line.contains("cannot be changed at runtime")
                            || line.contains("Build time property cannot be changed")) {
                        problems.add(log.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "the services were started with settings they do not read:\n" + String.join("\n", problems));
    }
}
