import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook receiver of bench/changes.sh, run as {@code java bench/changes/Receiver.java PORT SECRET OUT}: answers
 * every POST with 204 after verifying its Standard Webhooks signature against SECRET (a delivery whose signature does
 * not match is answered 401 and counted, not recorded), and records per delivery the webhook-id, the CloudEvents
 * {@code time} (epoch ms) and the arrival time minus it (ms). {@code GET /stats} answers "deliveries distinct refused";
 * on SIGTERM it writes OUT, one line per delivery: {@code id time-epoch-s delay-ms repeat}, repeat 1 for a second or
 * later delivery of the same id.
 */
public class Receiver {

    record Delivery(String id, long occurredMs, long arrivedMs, boolean repeat) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        Path out = Path.of(args[2]);
        ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/hook", exchange -> {
            byte[] body = readAll(exchange.getRequestBody());
            long arrived = System.currentTimeMillis();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signatures == null || !verified(macs.get(), id, timestamp, body, signatures)) {
                refused.incrementAndGet();
                answer(exchange, 401);
                return;
            }
            boolean repeat = seen.putIfAbsent(id, Boolean.TRUE) != null;
            deliveries.add(new Delivery(id, occurredMs(body), arrived, repeat));
            answer(exchange, 204);
        });
        server.createContext("/stats", exchange -> {
            byte[] text = (deliveries.size() + " " + seen.size() + " " + refused.get() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
                for (Delivery d : deliveries) {
                    writer.printf("%s %.3f %d %d%n", d.id(), d.occurredMs() / 1000.0, d.arrivedMs() - d.occurredMs(), d.repeat() ? 1 : 0);
                }
            } catch (IOException e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        server.start();
        stopped.await();
    }

    private static boolean verified(Mac mac, String id, String timestamp, byte[] body, String signatures) {
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** The CloudEvents {@code time} of the body, found without parsing the rest of it. */
    private static long occurredMs(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"time\":\"") + 8;
        return OffsetDateTime.parse(text.substring(at, text.indexOf('"', at))).toInstant().toEpochMilli();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
