package cn.rescueforce.devkit;

import cn.rescueforce.devkit.testing.EmbeddedS3;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the whole suite on one machine: PostgreSQL (an embedded one, unless {@code QUARKUS_DATASOURCE_JDBC_URL}
 * names a server), the three databases, a client-credentials {@link TokenEndpoint} for the services that call
 * others (what Keycloak is in prod), and teams-api, equipment-api and assessment-api on 8081-8083 with the
 * {@code local} profile (tokens from {@code scripts/dev-token}). Ctrl-C stops the services, then PostgreSQL.
 *
 * <p>The embedded server keeps its data in {@code .local/postgres} under the repository, across restarts. Evidence
 * files (assessment-api) go to an embedded S3-compatible store ({@link EmbeddedS3}, objects in {@code .local/s3}),
 * unless {@code EVIDENCE_STORE_ENDPOINT} names a service (with {@code EVIDENCE_STORE_ACCESS_KEY} and
 * {@code EVIDENCE_STORE_SECRET_KEY}, as in production: README "Evidence files").
 */
public final class LocalSuite {

    /** @param callsOthers whether it calls another service, with its service account (client id = its name) */
    record Service(String name, String database, int port, boolean callsOthers) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("teams-api", "teams", 8081, true),
            new Service("equipment-api", "equipment", 8082, true),
            new Service("assessment-api", "assessment", 8083, true));
    /** Short enough that a long local session sees the services renew their tokens. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    static final int EMBEDDED_PORT = Integer.parseInt(System.getenv().getOrDefault("LOCAL_PG_PORT", "55432"));

    private final Path root;
    private final List<Process> processes = new ArrayList<>();
    private EmbeddedPostgres embedded;
    private EmbeddedS3 evidenceStore;
    private TokenEndpoint tokens;
    private final Map<String, String> clientSecrets = new HashMap<>();

    LocalSuite(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalSuite suite = new LocalSuite(root);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "local-suite-shutdown"));
        suite.start();
        for (Process process : suite.processes) {
            process.waitFor();
        }
    }

    void start() throws IOException {
        String configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        String server;
        if (configured == null || configured.isBlank()) {
            Path data = root.resolve(".local/postgres");
            Files.createDirectories(data);
            log("suite", "starting embedded PostgreSQL on 127.0.0.1:" + EMBEDDED_PORT + ", data in " + data);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(EMBEDDED_PORT)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("synchronous_commit", "on") // the embedded default trades durability for speed
                    .start();
            server = "jdbc:postgresql://127.0.0.1:" + EMBEDDED_PORT;
            user = "postgres";
            password = "";
        } else {
            server = serverOf(configured);
            log("suite", "using PostgreSQL at " + server + " (QUARKUS_DATASOURCE_JDBC_URL)");
        }
        for (Service service : SERVICES) {
            Databases.createIfMissing(server + "/postgres", user, password, service.database());
        }
        for (Service service : SERVICES) {
            if (service.callsOthers()) {
                clientSecrets.put(service.name(), TokenEndpoint.newSecret());
            }
        }
        String configuredStore = System.getenv("EVIDENCE_STORE_ENDPOINT");
        if (configuredStore == null || configuredStore.isBlank()) {
            evidenceStore = EmbeddedS3.start(root.resolve(".local/s3"), "rescue-force-evidence", 0);
            log("suite", "evidence files in the embedded S3-compatible store at " + evidenceStore.endpoint() + ", objects in "
                    + root.resolve(".local/s3"));
        } else {
            log("suite", "evidence files in the object store at " + configuredStore + " (EVIDENCE_STORE_ENDPOINT)");
        }
        tokens = TokenEndpoint.start(0, clientSecrets, TOKEN_LIFETIME);
        log("suite", "service-account tokens (client credentials) at " + tokens.url() + " for " + String.join(", ", clientSecrets.keySet()));
        for (Service service : SERVICES) {
            processes.add(launch(service, server + "/" + service.database(), user, password));
        }
        log("suite", "teams-api http://localhost:8081  equipment-api http://localhost:8082  assessment-api http://localhost:8083"
                + "  (Swagger UI at /q/swagger-ui; Ctrl-C stops everything)");
    }

    private Process launch(Service service, String jdbcUrl, String user, String password) throws IOException {
        Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (scripts/run does)");
        }
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Dquarkus.profile=local", "-jar", jar.toString())
                .directory(root.resolve(service.name()).toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        // the same names as in production (README, "Configuration (production)"): where the others are, and the
        // service account, whose tokens come from the local token endpoint instead of Keycloak
        env.putIfAbsent("TEAMS_API_URL", "http://localhost:8081");
        env.putIfAbsent("EQUIPMENT_API_URL", "http://localhost:8082");
        env.putIfAbsent("ASSESSMENT_API_URL", "http://localhost:8083");
        if (evidenceStore != null && service.name().equals("assessment-api")) {
            env.put("EVIDENCE_STORE_ENDPOINT", evidenceStore.endpoint().toString());
            env.put("EVIDENCE_STORE_BUCKET", evidenceStore.bucket());
            env.put("EVIDENCE_STORE_ACCESS_KEY", EmbeddedS3.ACCESS_KEY);
            env.put("EVIDENCE_STORE_SECRET_KEY", EmbeddedS3.SECRET_KEY);
        }
        if (service.callsOthers()) {
            env.put("SERVICE_ACCOUNT_TOKEN_URL", tokens.url());
            env.put("SERVICE_ACCOUNT_CLIENT_SECRET", clientSecrets.get(service.name()));
        }
        Process process = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log(service.name(), line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, service.name() + "-output");
        pump.setDaemon(true);
        pump.start();
        return process;
    }

    void stop() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (tokens != null) {
            tokens.close();
        }
        if (evidenceStore != null) {
            evidenceStore.close();
            log("suite", "embedded S3-compatible store stopped");
        }
        if (embedded != null) {
            try {
                embedded.close();
                log("suite", "embedded PostgreSQL stopped");
            } catch (IOException e) {
                log("suite", "embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    /** jdbc:postgresql://host:port/anything?x → jdbc:postgresql://host:port */
    static String serverOf(String jdbcUrl) {
        Matcher m = Pattern.compile("^(jdbc:postgresql://[^/?]+).*$").matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("QUARKUS_DATASOURCE_JDBC_URL must look like jdbc:postgresql://host:5432/db");
        }
        return m.group(1);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static synchronized void log(String source, String line) {
        System.out.printf("%-15s| %s%n", source, line);
    }
}
