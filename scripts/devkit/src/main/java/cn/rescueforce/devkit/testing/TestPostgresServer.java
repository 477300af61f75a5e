package cn.rescueforce.devkit.testing;

import cn.rescueforce.devkit.Databases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests use: the configured one ({@code TEST_PG_HOST}, {@code TEST_PG_PORT},
 * {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}; by default 127.0.0.1:5432, user postgres, no password) when
 * something answers there, as on a developer machine or in CI.
 *
 * <p>When nothing answers on a local address, the tests start the embedded PostgreSQL that {@code scripts/run}
 * uses, on that address and port, with its data in the build's {@code target/embedded-postgres}. It is one
 * server per build: the modules tested after the first find it answering and use it like any other server. It
 * stops when the build ends: a small watcher process waits for the Maven process that runs the tests to exit,
 * then stops it (and stops it too when interrupted). Without a Maven process above the tests (a test started
 * from a plain {@code java} command) it stops when that JVM exits.
 */
public record TestPostgresServer(String host, int port, String user, String password) {

    private static TestPostgresServer current;

    /** The server of this run, found or started on first use. */
    public static synchronized TestPostgresServer get() {
        if (current == null) {
            current = findOrStart();
        }
        return current;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * The name a test gives its database, with {@code TEST_PG_DATABASE_SUFFIX}, which keeps concurrent runs on one
     * machine (several checkouts) out of each other's way.
     */
    public static String testDatabaseName(String name) {
        String database = name + env("TEST_PG_DATABASE_SUFFIX", "").trim();
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        return database;
    }

    /** The JDBC URL of {@code database} on this server, created when missing. */
    public String database(String database) {
        Databases.createIfMissing(jdbcUrl("postgres"), user, password, database);
        return jdbcUrl(database);
    }

    private static TestPostgresServer findOrStart() {
        String host = env("TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("TEST_PG_PORT", "5432"));
        TestPostgresServer configured = new TestPostgresServer(host, port, env("TEST_PG_USER", "postgres"), env("TEST_PG_PASSWORD", ""));
        if (answers(host, port)) {
            return configured;
        }
        if (!isLocal(host)) {
            throw new IllegalStateException("no PostgreSQL answers on " + host + ":" + port + " (TEST_PG_HOST, TEST_PG_PORT);"
                    + " start it, or leave TEST_PG_HOST unset so that the tests start an embedded one");
        }
        Path home = buildRoot().resolve("target").resolve("embedded-postgres");
        try {
            Files.createDirectories(home);
            // test JVMs of one build run one after the other, but two builds of one checkout must not both start it
            try (FileChannel channel = FileChannel.open(home.resolve("start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!answers(host, port)) {
                    startEmbedded(home, port);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + home, e);
        }
        return new TestPostgresServer(host, port, "postgres", "");
    }

    private static void startEmbedded(Path home, int port) throws IOException {
        Path data = home.resolve("data");
        Path log = home.resolve("postgres.log");
        EmbeddedPostgresWatch.stopLeftover(data);
        deleteRecursively(data);
        Optional<ProcessHandle> build = mavenProcess();
        Optional<Path> classpath = build.isPresent() ? classpathOf(EmbeddedPostgresWatch.class) : Optional.empty();
        boolean watched = classpath.isPresent();
        System.out.println("[devkit] no PostgreSQL answers on 127.0.0.1:" + port + ": starting the embedded one there, data in "
                + data + (watched ? ", until the build (process " + build.get().pid() + ") ends" : ", until this JVM exits"));
        EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(!watched)
                // a file, not this JVM's pipes: the server outlives this JVM
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (watched) {
            long postmaster = EmbeddedPostgresWatch.postmasterOf(data)
                    .orElseThrow(() -> new IllegalStateException("the embedded PostgreSQL wrote no " + data.resolve("postmaster.pid")));
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath.get().toString(), EmbeddedPostgresWatch.class.getName(),
                    String.valueOf(build.get().pid()), String.valueOf(postmaster))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("watch.log").toFile()))
                    .start();
        }
    }

    /** The nearest Java process above this one: the Maven build whose surefire or failsafe forked this JVM. */
    static Optional<ProcessHandle> mavenProcess() {
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent()) {
            boolean java = ancestor.get().info().command()
                    .map(command -> Path.of(command).getFileName().toString())
                    .filter(name -> name.equals("java") || name.equals("java.exe"))
                    .isPresent();
            if (java) {
                return ancestor;
            }
            ancestor = ancestor.get().parent();
        }
        return Optional.empty();
    }

    private static Optional<Path> classpathOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI())).filter(Files::exists);
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The checkout's root (where .mvn is), whose target/ the build owns; the tests run in a module's directory. */
    static Path buildRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        return start;
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLocal(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
