package cn.rescueforce.teams.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a real Keycloak (the server distribution {@code org.keycloak:keycloak-quarkus-dist}, unpacked by the
 * {@code real-keycloak} profile of teams-api/pom.xml into {@code target/keycloak}) on 127.0.0.1:8180 with the
 * realm of {@code k8s/}: the {@code spec.realm} of {@code k8s/base/keycloak/realm-rescue-force.json} (the
 * KeycloakRealmImport the cluster applies) plus the non-prod sample users and clients that the dev overlay
 * appends ({@code k8s/overlays/dev/realm-sample-data.json}). Each run starts from an empty Keycloak database.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    public static final String BASE_URL = "http://127.0.0.1:8180";
    public static final String REALM_URL = BASE_URL + "/realms/rescue-force";
    public static final String TOKEN_URL = REALM_URL + "/protocol/openid-connect/token";
    /** The bootstrap administrator of this throwaway, loopback-only server. */
    public static final String ADMIN_PASSWORD = "it-admin-password";
    // Quarkus may create this resource more than once per run, in different class loaders: the server is shared
    // through JVM-wide system properties (its pid and a reference count) and stops when the last user stops.
    private static final String PID_PROPERTY = "rescue-force.it.keycloak.pid";
    private static final String REFS_PROPERTY = "rescue-force.it.keycloak.refs";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private boolean holding;

    /** The value the test gives the realm's placeholder {@code name} (for example TEAMS_API_CLIENT_SECRET). */
    public static String placeholderValue(String name) {
        return "it-" + name.toLowerCase().replace('_', '-');
    }

    /** {@code k8s/}: the {@code rescue-force.k8s.dir} system property, else ../k8s from the module. */
    static Path k8sDir() {
        Path dir = Path.of(System.getProperty("rescue-force.k8s.dir", "../k8s")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("base/keycloak/realm-rescue-force.json"))) {
            throw new IllegalStateException("k8s/ not found at " + dir + " (set -Drescue-force.k8s.dir)");
        }
        return dir;
    }

    /** The realm as this test imports it: base realm plus the dev overlay's sample data. */
    static ObjectNode realm() {
        try {
            Path k8s = k8sDir();
            JsonNode realmImport = JSON.readTree(k8s.resolve("base/keycloak/realm-rescue-force.json").toFile());
            ObjectNode realm = (ObjectNode) realmImport.path("spec").path("realm").deepCopy();
            for (JsonNode op : JSON.readTree(k8s.resolve("overlays/dev/realm-sample-data.json").toFile())) {
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

    /** The placeholders of the KeycloakRealmImport (filled from Secrets in the cluster, from the environment here). */
    static List<String> placeholders() {
        try {
            JsonNode realmImport = JSON.readTree(k8sDir().resolve("base/keycloak/realm-rescue-force.json").toFile());
            return Stream.iterate(realmImport.path("spec").path("placeholders").fieldNames(), Iterator::hasNext, it -> it)
                    .map(Iterator::next).toList();
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

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) {
            ProcessHandle running = running();
            System.out.println("Keycloak for the real-Keycloak test: " + (running == null ? "starting" : "shared, pid " + running.pid()));
            if (running == null) {
                launch();
            } else {
                awaitRealm(running, Path.of("target", "keycloak-it.log").toAbsolutePath());
            }
            System.setProperty(REFS_PROPERTY, String.valueOf(Integer.getInteger(REFS_PROPERTY, 0) + 1));
            holding = true;
        }
        return Map.of("quarkus.oidc.auth-server-url", REALM_URL);
    }

    @Override
    public void stop() {
        synchronized (System.getProperties()) {
            if (!holding) {
                return;
            }
            holding = false;
            int refs = Integer.getInteger(REFS_PROPERTY, 1) - 1;
            System.setProperty(REFS_PROPERTY, String.valueOf(refs));
            if (refs <= 0) {
                kill(running());
                System.clearProperty(PID_PROPERTY);
            }
        }
    }

    private static ProcessHandle running() {
        String pid = System.getProperty(PID_PROPERTY);
        return pid == null ? null : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive).orElse(null);
    }

    private static void launch() {
        Path home = home();
        ProcessHandle handle = null;
        try {
            if (portInUse()) {
                throw new IllegalStateException("127.0.0.1:8180 is already in use: is a Keycloak of an earlier run still up?");
            }
            Path data = home.resolve("data");
            deleteTree(data);
            Path importDir = Files.createDirectories(data.resolve("import"));
            JSON.writerWithDefaultPrettyPrinter().writeValue(importDir.resolve("rescue-force-realm.json").toFile(), realm());

            Path log = Path.of("target", "keycloak-it.log").toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=8180", "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            for (String placeholder : placeholders()) {
                builder.environment().put(placeholder, placeholderValue(placeholder));
            }
            long started = System.nanoTime();
            handle = builder.start().toHandle();
            System.setProperty(PID_PROPERTY, String.valueOf(handle.pid()));
            ProcessHandle server = handle;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(server), "stop-keycloak"));
            awaitRealm(handle, log);
            System.out.printf("Keycloak (pid %d) ready with realm rescue-force after %d s (log: %s)%n", handle.pid(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), log);
        } catch (IOException e) {
            kill(handle);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            kill(handle);
            throw e;
        }
    }

    private static Path home() {
        String configured = System.getProperty("keycloak.home");
        if (configured == null || !Files.isRegularFile(Path.of(configured, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at keycloak.home=" + configured
                    + ": run the test through Maven (./mvnw verify -pl teams-api), whose real-keycloak profile unpacks"
                    + " org.keycloak:keycloak-quarkus-dist into teams-api/target/keycloak");
        }
        return Path.of(configured).toAbsolutePath();
    }

    private static void awaitRealm(ProcessHandle process, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(REALM_URL + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited:\n" + tail(log));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT + ":\n" + tail(log));
    }

    /** Stops the server (kc.sh and the JVM it runs), forcibly after 30 s. */
    private static void kill(ProcessHandle handle) {
        if (handle == null || !handle.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new java.util.ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception slow) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean portInUse() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 8180), 500);
            return true;
        } catch (IOException free) {
            return false;
        }
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

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
