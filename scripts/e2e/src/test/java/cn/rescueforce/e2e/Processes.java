package cn.rescueforce.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers for the processes this suite starts: free ports, stopping a process tree, a log's tail. */
final class Processes {

    private Processes() {
    }

    /** A port nothing listens on right now (the OS picks it), so that parallel runs on one machine never clash. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Stops a process and everything it started (kc.sh starts a JVM), forcibly after {@code graceSeconds}. */
    static void stop(ProcessHandle handle, int graceSeconds) {
        if (handle == null || !handle.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (Exception slow) {
                process.destroyForcibly();
            }
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
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
