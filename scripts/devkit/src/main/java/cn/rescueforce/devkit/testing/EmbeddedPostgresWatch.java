package cn.rescueforce.devkit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the build's embedded PostgreSQL (see {@link TestPostgresServer}) when the build ends: run as its own small
 * process with the build's and the server's process ids, it waits for the build to exit, then stops the server;
 * interrupted (Ctrl-C), it stops the server first. Needs nothing but the JDK.
 */
public final class EmbeddedPostgresWatch {

    private EmbeddedPostgresWatch() {
    }

    public static void main(String[] args) {
        long build = Long.parseLong(args[0]);
        long postmaster = Long.parseLong(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postmaster), "stop-embedded-postgres"));
        log("watching build process " + build + " to stop PostgreSQL " + postmaster + " after it");
        ProcessHandle.of(build).ifPresent(handle -> handle.onExit().join());
        log("build process " + build + " ended");
        // the shutdown hook stops the server
    }

    /** Stops the server a build left running (one that ended before its watcher could act), if any. */
    static void stopLeftover(Path data) {
        postmasterOf(data).ifPresent(EmbeddedPostgresWatch::stop);
    }

    /** The postmaster's process id, the first line of its pid file, while that process lives. */
    static Optional<Long> postmasterOf(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim())).filter(pid -> ProcessHandle.of(pid).isPresent());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(long postmaster) {
        ProcessHandle.of(postmaster).ifPresent(server -> {
            // SIGTERM is PostgreSQL's smart shutdown: the build's connections are gone by now
            server.destroy();
            try {
                server.onExit().get(30, TimeUnit.SECONDS);
                log("PostgreSQL " + postmaster + " stopped");
            } catch (TimeoutException e) {
                server.destroyForcibly();
                log("PostgreSQL " + postmaster + " did not stop within 30 s: killed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                log("PostgreSQL " + postmaster + ": " + e.getCause());
            }
        });
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
