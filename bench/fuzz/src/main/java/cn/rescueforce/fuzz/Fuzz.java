package cn.rescueforce.fuzz;

import cn.rescueforce.fuzz.Cases.Case;
import cn.rescueforce.fuzz.Contract.Op;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Contract-driven fuzzing of the three services over HTTP (run by bench/fuzz.sh). For each service: seeds
 * objects through its own API, then sends, from a few threads, requests built from the contract — valid
 * ones with tokens of every level, and mutations of bodies, parameters, headers and tokens — until the
 * request count or the time budget is reached. The oracle: no 5xx, no 2xx to a request the contract
 * forbids, every 4xx an application/problem+json with a {@code type}. Deterministic choices for a seed (the
 * ids come from what the services answer).
 *
 * <pre>java -jar fuzz.jar --seed 42 --requests 10000 --seconds 300 --threads 3 \
 *     --service teams-api=http://localhost:8081 --service equipment-api=... --contracts openapi</pre>
 */
public final class Fuzz {

    record Outcome(int status, String contentType, String body, String error) {
    }

    static final class Stats {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger malformedSent = new AtomicInteger();
        final Map<String, AtomicInteger> classes = new ConcurrentHashMap<>();
        final Map<String, Finding> failures = new ConcurrentHashMap<>();
        final Map<String, Finding> problemViolations = new ConcurrentHashMap<>();
        final AtomicInteger failureCount = new AtomicInteger();
        final AtomicInteger violationCount = new AtomicInteger();
        final AtomicInteger malformed2xx = new AtomicInteger();
        final AtomicInteger status5xx = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        long millis;

        int count(String c) {
            AtomicInteger n = classes.get(c);
            return n == null ? 0 : n.get();
        }
    }

    static final class Finding {
        final String what;
        final String curl;
        final AtomicInteger count = new AtomicInteger();

        Finding(String what, String curl) {
            this.what = what;
            this.curl = curl;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Pool pool = new Pool();
    private final Tokens tokens = new Tokens(pool);
    private final Cases cases = new Cases(json, pool, tokens);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> baseUrls = new LinkedHashMap<>();
    private final Map<String, Contract> contracts = new LinkedHashMap<>();
    private final Path casesDir;
    private final AtomicLong caseFiles = new AtomicLong();
    private long seed = 42;
    private int requests = 10_000;
    private int seconds = 300;
    private int threads = 3;

    private Fuzz(Path casesDir) {
        this.casesDir = casesDir;
    }

    public static void main(String[] args) throws Exception {
        Path contractsDir = Path.of("openapi");
        Path out = Path.of("bench/fuzz/target/fuzz-cases");
        Fuzz fuzz = new Fuzz(out);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> fuzz.seed = Long.parseLong(args[++i]);
                case "--requests" -> fuzz.requests = Integer.parseInt(args[++i]);
                case "--seconds" -> fuzz.seconds = Integer.parseInt(args[++i]);
                case "--threads" -> fuzz.threads = Integer.parseInt(args[++i]);
                case "--contracts" -> contractsDir = Path.of(args[++i]);
                case "--service" -> {
                    String[] kv = args[++i].split("=", 2);
                    fuzz.baseUrls.put(kv[0], kv[1].replaceAll("/$", ""));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (fuzz.baseUrls.isEmpty()) {
            fuzz.baseUrls.put("teams-api", "http://localhost:8081");
            fuzz.baseUrls.put("equipment-api", "http://localhost:8082");
            fuzz.baseUrls.put("assessment-api", "http://localhost:8083");
        }
        Files.createDirectories(out);
        for (String service : fuzz.baseUrls.keySet()) {
            fuzz.contracts.put(service, Contract.read(service, contractsDir.resolve(service + ".yaml"), fuzz.json));
        }
        System.exit(fuzz.run() ? 0 : 1);
    }

    private boolean run() throws InterruptedException {
        Instant start = Instant.now();
        System.out.printf("seed %d, at most %d requests or %d s per service, %d threads%n", seed, requests, seconds, threads);
        for (Contract c : contracts.values()) {
            System.out.printf("%s: %d operations from the contract%n", c.service, c.ops.size());
        }
        Map<String, Stats> all = new LinkedHashMap<>();
        for (String service : contracts.keySet()) {
            all.put(service, new Stats());
        }
        for (int round = 0; round < 2; round++) {
            for (String service : contracts.keySet()) {
                seed(service, all.get(service), new Random(seed + round));
            }
        }
        System.out.println("ids and codes known after seeding: " + pool.summary());
        for (String service : contracts.keySet()) {
            fuzz(service, all.get(service));
        }
        return report(all, Duration.between(start, Instant.now()));
    }

    /** Lists every collection and creates objects through the API with a national token. */
    private void seed(String service, Stats stats, Random r) {
        for (Op op : contracts.get(service).ops) {
            boolean collection = op.params("path").isEmpty();
            if (op.method().equals("GET") && op.secured()) {
                Case c = cases.valid(op, r, tokens.national());
                c.query.clear();
                send(c, stats, r);
            } else if (op.method().equals("POST") && op.operationId().matches("(create|register|add|issue|record|publish|schedule|request|designate).*")) {
                for (int i = 0; i < (collection ? 3 : 2); i++) {
                    send(cases.valid(op, r, tokens.national()), stats, r);
                }
            }
        }
    }

    private void fuzz(String service, Stats stats) throws InterruptedException {
        List<Op> ops = contracts.get(service).ops;
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int serviceIndex = new ArrayList<>(contracts.keySet()).indexOf(service);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    Random r = new Random(seed * 1_000_003L + serviceIndex * 7_919L + i);
                    Op op = ops.get(r.nextInt(ops.size()));
                    Case c = null;
                    try {
                        for (int attempt = 0; c == null && attempt < 5; attempt++) {
                            int kind = r.nextInt(100);
                            if (kind < 15) {
                                c = cases.valid(op, r, tokens.valid(r));
                            } else if (kind < 50) {
                                c = op.body() != null ? cases.bodyMutation(op, r) : cases.paramMutation(op, r);
                            } else if (kind < 75) {
                                c = cases.paramMutation(op, r);
                            } else if (kind < 85) {
                                c = cases.headerMutation(op, r);
                            } else {
                                c = cases.tokenMutation(op, r);
                            }
                        }
                        if (c == null) {
                            c = cases.valid(op, r, tokens.valid(r));
                        }
                        send(c, stats, r);
                    } catch (RuntimeException e) {
                        System.err.println("cannot build a request for " + op + ": " + e);
                    }
                    if (i > 0 && i % 2000 == 0) {
                        System.out.printf("  %s: %d requests%n", service, i);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        stats.millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    }

    private void send(Case c, Stats stats, Random r) {
        String base = baseUrls.get(c.op.service());
        if (c.needsEtag) {
            Case read = new Case();
            read.op = c.op;
            read.kind = "read for If-Match";
            read.auth = c.auth;
            read.path.putAll(c.path);
            Op get = new Op(c.op.service(), "GET", c.op.path(), "read", c.op.params(), null, false, null, c.op.secured());
            read.op = get;
            HttpResponse<String> answer = exchange(base, read);
            count(stats, read, answer, null);
            String etag = answer == null ? null : answer.headers().firstValue("ETag").orElse(null);
            c.headers.put("If-Match", etag != null ? etag : "\"0\"");
        }
        Outcome o;
        HttpResponse<String> answer = null;
        String error = null;
        try {
            answer = exchange(base, c);
        } catch (RuntimeException e) {
            error = e.toString();
        }
        count(stats, c, answer, error);
    }

    private HttpResponse<String> exchange(String base, Case c) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + c.pathString())).timeout(Duration.ofSeconds(20));
        if (c.auth != null && c.auth.header() != null) {
            b.header("Authorization", c.auth.header());
        }
        c.headers.forEach(b::header);
        if (!c.headers.containsKey("Accept")) {
            b.header("Accept", "application/json, application/problem+json");
        }
        b.method(c.op.method(), c.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body, StandardCharsets.UTF_8));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void count(Stats stats, Case c, HttpResponse<String> answer, String error) {
        stats.sent.incrementAndGet();
        if (c.malformed) {
            stats.malformedSent.incrementAndGet();
        }
        if (answer == null) {
            stats.errors.incrementAndGet();
            stats.classes.computeIfAbsent("error", k -> new AtomicInteger()).incrementAndGet();
            fail(stats.failures, stats.failureCount, c, "no answer (" + error + ")");
            return;
        }
        int status = answer.statusCode();
        stats.classes.computeIfAbsent((status / 100) + "xx", k -> new AtomicInteger()).incrementAndGet();
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            stats.status5xx.incrementAndGet();
            fail(stats.failures, stats.failureCount, c, status + " " + abbreviate(answer.body()));
        } else if (status >= 200 && status < 300 && c.malformed) {
            stats.malformed2xx.incrementAndGet();
            fail(stats.failures, stats.failureCount, c, status + " to a malformed request");
        } else if (status >= 400) {
            String problem = problemViolation(contentType, answer.body());
            if (problem != null) {
                fail(stats.problemViolations, stats.violationCount, c, status + " " + problem);
            }
        }
        if (status >= 200 && status < 300 && contentType.startsWith("application/json")) {
            try {
                pool.harvest(json.readTree(answer.body()), childParam(c.op));
            } catch (IOException | RuntimeException ignored) {
                // not JSON after all: nothing to learn from it
            }
        }
    }

    private String problemViolation(String contentType, String body) {
        if (!contentType.startsWith("application/problem+json")) {
            return "Content-Type '" + contentType + "' instead of application/problem+json";
        }
        try {
            JsonNode node = json.readTree(body);
            if (!node.path("type").isTextual() || node.path("type").asText().isBlank()) {
                return "problem without a type: " + abbreviate(body);
            }
        } catch (IOException e) {
            return "problem body is not JSON: " + abbreviate(body);
        }
        return null;
    }

    /** The path parameter naming the objects this operation lists or creates ({@code /teams} → teamId). */
    private String childParam(Op op) {
        String prefix = op.path() + "/{";
        for (Op other : contracts.get(op.service()).ops) {
            if (other.path().startsWith(prefix) && other.path().indexOf('/', prefix.length()) < 0) {
                return other.path().substring(prefix.length(), other.path().length() - 1);
            }
        }
        return null;
    }

    private void fail(Map<String, Finding> findings, AtomicInteger counter, Case c, String what) {
        counter.incrementAndGet();
        String statusWord = what.split(" ", 2)[0];
        String key = c.op + " | " + c.kind.replaceAll("[= ].*", "") + " | " + statusWord;
        findings.computeIfAbsent(key, k -> new Finding(c.op + "  [" + c.kind + "]  → " + what, curl(c))).count.incrementAndGet();
    }

    private String curl(Case c) {
        StringBuilder out = new StringBuilder("curl -sS -i -X ").append(c.op.method()).append(" '")
                .append(baseUrls.get(c.op.service())).append(c.pathString().replace("'", "%27")).append("'");
        if (c.auth != null && !c.auth.curl().isEmpty()) {
            out.append(' ').append(c.auth.curl());
        }
        c.headers.forEach((k, v) -> {
            if (k.equals("If-Match") && c.needsEtag) {
                out.append(" -H 'If-Match: <the ETag a GET of the same URL answers>'");
            } else {
                out.append(" -H '").append(k).append(": ").append(v.length() > 200 ? v.substring(0, 200) + "…" : v.replace("'", "'\\''")).append("'");
            }
        });
        if (c.body != null) {
            if (!c.headers.containsKey("Content-Type")) {
                out.append(" -H 'Content-Type:'"); // curl would otherwise send application/x-www-form-urlencoded
            }
            if (c.body.length() <= 300 && c.body.chars().allMatch(ch -> ch >= 0x20 && ch != '\'')) {
                out.append(" --data-binary '").append(c.body).append("'");
            } else {
                Path file = casesDir.resolve(c.op.service() + "-" + caseFiles.incrementAndGet() + ".body");
                try {
                    Files.writeString(file, c.body, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                out.append(" --data-binary @").append(file);
            }
        }
        return out.toString();
    }

    private boolean report(Map<String, Stats> all, Duration total) {
        System.out.println();
        System.out.printf("%-15s %8s %7s %7s %7s %7s %7s %9s %8s %9s %9s%n", "service", "requests", "2xx", "3xx", "4xx", "5xx",
                "no-ans", "malformed", "mal-2xx", "not-probl", "seconds");
        boolean ok = true;
        for (Map.Entry<String, Stats> e : all.entrySet()) {
            Stats s = e.getValue();
            System.out.printf("%-15s %8d %7d %7d %7d %7d %7d %9d %8d %9d %9.1f%n", e.getKey(), s.sent.get(), s.count("2xx"), s.count("3xx"),
                    s.count("4xx"), s.count("5xx"), s.errors.get(), s.malformedSent.get(), s.malformed2xx.get(), s.violationCount.get(),
                    s.millis / 1000.0);
            ok &= s.failureCount.get() == 0 && s.violationCount.get() == 0 && s.sent.get() >= Math.min(requests, 10_000);
        }
        for (Map.Entry<String, Stats> e : all.entrySet()) {
            print(e.getKey() + ": failures (5xx, 2xx to a malformed request, no answer)", e.getValue().failures);
            print(e.getKey() + ": 4xx that are not a problem with a type", e.getValue().problemViolations);
        }
        System.out.printf("%nseed %d, %d s in all; %s%n", seed, total.toSeconds(), ok ? "PASS: no failure" : "FAIL");
        return ok;
    }

    private static void print(String title, Map<String, Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("== " + title + " (one example per operation, mutation and status)");
        findings.values().stream().sorted((a, b) -> a.what.compareTo(b.what)).forEach(f -> {
            System.out.printf("%5d × %s%n        %s%n", f.count.get(), f.what, f.curl);
        });
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() <= 160 ? s : s.substring(0, 157) + "…";
    }
}
