package cn.rescueforce.devkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver for the tests, as an integrator would write one (README, "Change feed and webhooks"): it listens
 * on 127.0.0.1, verifies each delivery's Standard Webhooks signature with the subscription's secret (refusing a bad
 * one with 401), and keeps what it accepted. It can be "down" (answering 503) to play an outage.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One accepted delivery: its {@code webhook-id}, headers and the CloudEvent. */
    public record Delivery(String webhookId, String contentType, JsonNode event) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile boolean down;
    private volatile String redirectTo;
    private final List<String> redirected = new CopyOnWriteArrayList<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                int status;
                if (down) {
                    status = 503;
                } else if (redirectTo != null) {
                    redirected.add(id);
                    exchange.getResponseHeaders().add("Location", redirectTo);
                    status = 307;
                } else if (!verifies(id, timestamp, body, signature)) {
                    refused.add(id);
                    status = 401;
                } else {
                    accepted.add(new Delivery(id, exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
                    status = 204;
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    /** The target URL to subscribe. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secret the subscription's creation answered. */
    public void trust(String secret) {
        this.secret = secret;
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Answers every delivery with a 307 to {@code location} (null: no more), as a receiver that moved would. */
    public void redirectTo(String location) {
        this.redirectTo = location;
    }

    /** The {@code webhook-id}s answered with a redirect, once per request received. */
    public List<String> redirected() {
        return new ArrayList<>(redirected);
    }

    public List<Delivery> accepted() {
        return new ArrayList<>(accepted);
    }

    /** The accepted deliveries, each {@code webhook-id} once, in the order first received: what a receiver keeps. */
    public List<Delivery> deduplicated() {
        Map<String, Delivery> unique = new LinkedHashMap<>();
        for (Delivery delivery : accepted) {
            unique.putIfAbsent(delivery.webhookId(), delivery);
        }
        return new ArrayList<>(unique.values());
    }

    /** Deliveries whose signature did not verify. */
    public List<String> refused() {
        return new ArrayList<>(refused);
    }

    /** Waits (polling, up to {@code within}) until a delivery matching {@code wanted} is accepted, and answers it. */
    public Delivery await(Predicate<Delivery> wanted, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            for (Delivery delivery : accepted) {
                if (wanted.test(delivery)) {
                    return delivery;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such delivery within " + within + "; accepted: " + accepted + ", refused: " + refused);
    }

    /** The Standard Webhooks check: {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret. */
    private boolean verifies(String id, String timestamp, String body, String signatures) {
        String key = secret;
        if (key == null || id == null || timestamp == null || signatures == null || !key.startsWith("whsec_")) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false; // an old timestamp: a replay
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
