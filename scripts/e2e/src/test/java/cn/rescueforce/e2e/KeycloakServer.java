package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak (the server distribution {@code org.keycloak:keycloak-quarkus-dist}, unpacked by this module's
 * {@code real-keycloak} profile into {@code target/keycloak}) on a free loopback port, started from an empty
 * database with two realms:
 * <ul>
 * <li>{@code rescue-force}: the {@code spec.realm} of {@code k8s/base/keycloak/realm-rescue-force.json} (the
 * KeycloakRealmImport) with the sample users and clients the dev overlay appends
 * ({@code k8s/overlays/dev/realm-sample-data.json}), its placeholders filled from {@link ClusterSecrets} as the
 * operator fills them from the Secret each names;</li>
 * <li>{@code rescue-force-foreign}: the same realm under another name, so its tokens carry the same levels and the
 * API audience but another issuer and other keys (a token the services must refuse).</li>
 * </ul>
 * Over http on 127.0.0.1 without a configured hostname, Keycloak names as issuer the URL a token was requested at:
 * the services and the tests all use {@link #realmUrl()} (in a cluster the Keycloak CR's hostname fixes it, and the
 * services read discovery over the back channel).
 */
final class KeycloakServer {

    static final String REALM = "rescue-force";
    static final String FOREIGN_REALM = "rescue-force-foreign";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    final String adminPassword = ClusterSecrets.random();
    final int port = Processes.freePort();
    final Path log = Repo.logs().resolve("keycloak.log");
    private ProcessHandle process;

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /** The KeycloakRealmImport of k8s/base. */
    static JsonNode realmImport() {
        try {
            return Repo.JSON.readTree(Repo.k8s().resolve("base/keycloak/realm-rescue-force.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm as the dev overlay imports it: the base realm plus the overlay's sample data. */
    static ObjectNode realm() {
        try {
            ObjectNode realm = (ObjectNode) realmImport().path("spec").path("realm").deepCopy();
            for (JsonNode op : Repo.JSON.readTree(Repo.k8s().resolve("overlays/dev/realm-sample-data.json").toFile())) {
                String path = op.path("path").asText();
                String[] parts = path.split("/");
                // the sample data only appends ("add" ".../-") to top-level realm arrays: users, clients
                if (!"add".equals(op.path("op").asText()) || parts.length != 5 || !path.startsWith("/spec/realm/") || !"-".equals(parts[4])) {
                    throw new IllegalStateException("unsupported sample-data patch operation " + op);
                }
                realm.withArray(parts[3]).add(op.path("value"));
            }
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample user (or service-account user) of the imported realm. */
    static JsonNode sampleUser(String username) {
        for (JsonNode user : realm().path("users")) {
            if (username.equals(user.path("username").asText())) {
                return user;
            }
        }
        throw new IllegalArgumentException("no sample user " + username + " in the realm");
    }

    void start(ClusterSecrets secrets) {
        Path home = home();
        try {
            Path data = home.resolve("data");
            deleteTree(data);
            Path importDir = Files.createDirectories(data.resolve("import"));
            ObjectNode realm = realm();
            Repo.JSON.writerWithDefaultPrettyPrinter().writeValue(importDir.resolve(REALM + "-realm.json").toFile(), realm);
            ObjectNode foreign = realm.deepCopy();
            foreign.put("realm", FOREIGN_REALM);
            foreign.put("displayName", "another realm (end-to-end test)");
            Repo.JSON.writerWithDefaultPrettyPrinter().writeValue(importDir.resolve(FOREIGN_REALM + "-realm.json").toFile(), foreign);

            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + Processes.freePort(),
                    "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            // a throwaway server on a shared machine: a small heap instead of Keycloak's 70 % of the RAM
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            // the operator fills each placeholder from the Secret key it names (spec.placeholders)
            for (Iterator<Map.Entry<String, JsonNode>> it = realmImport().path("spec").path("placeholders").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> placeholder = it.next();
                JsonNode ref = placeholder.getValue().path("secret");
                env.put(placeholder.getKey(), secrets.value(ref.path("name").asText(), ref.path("key").asText()));
                System.out.printf("[e2e] keycloak: placeholder %s <- Secret %s key %s (generated)%n",
                        placeholder.getKey(), ref.path("name").asText(), ref.path("key").asText());
            }
            long started = System.nanoTime();
            process = builder.start().toHandle();
            awaitRealm();
            System.out.printf("[e2e] keycloak (pid %d) on %s, realms %s and %s, ready after %d s (log: %s)%n", process.pid(),
                    baseUrl(), REALM, FOREIGN_REALM, Duration.ofNanos(System.nanoTime() - started).toSeconds(), log);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Serves discovery, keys and a client-credentials token a few times before the services start: a Keycloak that
     * just started answers its first requests slowly, and the services give its discovery 3 s at start (the kit's
     * {@code quarkus.oidc-client.connection-timeout}).
     */
    void warmUp(ClusterSecrets secrets) {
        for (int i = 0; i < 3; i++) {
            Http.get(realmUrl() + "/.well-known/openid-configuration", null).expect(200);
            Http.get(realmUrl() + "/protocol/openid-connect/certs", null).expect(200);
            for (String service : List.of("equipment-api", "assessment-api")) {
                Http.clientToken(tokenUrl(), service, secrets.value("keycloak-client-secrets", service));
            }
        }
    }

    void stop() {
        Processes.stop(process, 30);
    }

    private static Path home() {
        String configured = System.getProperty("keycloak.home");
        if (configured == null || !Files.isRegularFile(Path.of(configured, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at keycloak.home=" + configured
                    + ": run the test through Maven (./mvnw verify -pl scripts/e2e -am), whose real-keycloak profile unpacks"
                    + " org.keycloak:keycloak-quarkus-dist into scripts/e2e/target/keycloak");
        }
        return Path.of(configured).toAbsolutePath();
    }

    private void awaitRealm() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited:\n" + Processes.tail(log, 40));
            }
            try {
                boolean both = true;
                for (String realm : new String[] {REALM, FOREIGN_REALM}) {
                    HttpRequest discovery = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/" + realm + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5)).build();
                    both &= http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                }
                if (both) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Processes.sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not serve the realms within " + START_TIMEOUT + ":\n" + Processes.tail(log, 40));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
