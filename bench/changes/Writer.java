import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writer of bench/changes.sh, run as {@code java bench/changes/Writer.java BASE TOKEN RATE SECONDS TEAM_IDS_FILE}:
 * changes team readiness through {@code POST /api/v1/teams/{id}/readiness} at RATE changes/s for SECONDS seconds,
 * the teams in turn, each one alternating between two states, the requests started on a fixed schedule (open loop:
 * a slow answer does not slow the rate down, unless UNDER_WAY (16) requests are under way: more would only queue for the database connections; nothing is started after SECONDS).
 * Prints "written failed unsent": changes acknowledged, refused or unanswered, and not started in time.
 */
public class Writer {

    private static final List<String> STATES = List.of("UNAVAILABLE", "STANDBY");
    private static final int UNDER_WAY = 16;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        double rate = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        List<String> teams = Files.readAllLines(Path.of(args[4])).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore underWay = new Semaphore(UNDER_WAY);
        long total = Math.round(rate * seconds);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long i = 0;
        for (; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (System.nanoTime() > end) {
                break; // the service fell behind: what is left is not sent
            }
            String team = teams.get((int) (i % teams.size()));
            String state = STATES.get((int) ((i / teams.size()) % 2));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/teams/" + team + "/readiness"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"readiness\":\"" + state + "\",\"reason\":\"bench\"}"))
                    .build();
            if (!underWay.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() / 100 == 2) {
                    written.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                underWay.release();
            });
        }
        underWay.acquire(UNDER_WAY);
        System.out.println(written.get() + " " + failed.get() + " " + (total - i));
    }
}
