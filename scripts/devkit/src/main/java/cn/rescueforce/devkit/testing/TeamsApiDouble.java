package cn.rescueforce.devkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * teams-api for the tests of the services that call it, as openapi/teams-api.yaml describes the operations they
 * use: {@code GET /api/v1/teams/{teamId}} (404 problem for a team it does not know), {@code GET /api/v1/teams}
 * (filtered by province and category, paged, sorted by code) and {@code POST /api/v1/teams/{teamId}/assessment-results},
 * which like teams-api applies a result once per assessment (a repeat answers the team unchanged). Tests seed
 * teams with {@link #addTeam}, read what changed with {@link #team}, count lookups, deliveries and applications, and
 * make the result operation refuse or fail for a team ({@link #answerResults}).
 */
public class TeamsApiDouble extends ServiceDouble {

    private static final Pattern TEAM = Pattern.compile("^/api/v1/teams/([0-9a-fA-F-]{36})$");
    private static final Pattern RESULT = Pattern.compile("^/api/v1/teams/([0-9a-fA-F-]{36})/assessment-results$");
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100000));

    private final Map<UUID, ObjectNode> teams = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> applied = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> consecutiveFails = new HashMap<>();
    private final Map<UUID, ObjectNode> refusals = new ConcurrentHashMap<>();

    public TeamsApiDouble() {
        super("teams-api");
    }

    /** A team as teams-api would hold it (category MINING, HAZARDOUS_CHEMICALS, ...; status ACTIVE, PROPOSED, ...). */
    public UUID addTeam(String province, String category, UUID supportingUnitId, String status) {
        UUID id = UUID.randomUUID();
        int n = SEQUENCE.incrementAndGet();
        ObjectNode team = JSON.createObjectNode();
        team.put("id", id.toString());
        team.put("code", "T-" + province + "-" + n);
        team.put("name", "国家应急救援测试队" + n);
        team.put("category", category);
        team.putArray("specialties").add("MINE_FIRE");
        team.put("province", province);
        team.put("supportingUnitId", supportingUnitId.toString());
        team.put("supportingUnitName", "测试煤业集团有限公司");
        team.putObject("baseLocation").put("lat", 30.66).put("lon", 104.06);
        team.put("baseCity", "成都市");
        team.put("headcount", 60);
        team.put("dutyPhone", "028-12345678");
        team.put("status", status);
        team.put("readiness", "STANDBY");
        team.put("exitProposed", false);
        team.put("createdAt", Instant.now().toString());
        team.put("updatedAt", Instant.now().toString());
        team.put("version", 1);
        teams.put(id, team);
        return id;
    }

    public UUID addTeam(String province, String category, UUID supportingUnitId) {
        return addTeam(province, category, supportingUnitId, "ACTIVE");
    }

    /** Gives a team these specialties (values of the contract's Specialty), as its profile would. */
    public void specialties(UUID teamId, String... specialties) {
        ArrayNode list = teams.get(teamId).putArray("specialties");
        for (String specialty : specialties) {
            list.add(specialty);
        }
    }

        /** Gives a team a grade directly, as earlier assessments would have. */
    public void grade(UUID teamId, String grade, String validUntil) {
        teams.get(teamId).put("grade", grade).put("gradeValidUntil", validUntil);
    }

    /**
     * Until {@link #acceptResults}, every result delivered for the team is counted as received and answered with
     * {@code status} and a problem of {@code problemType} ({@code validation}, {@code dependency-unavailable}, ...),
     * without changing the team: teams-api refusing the result, or failing to apply it.
     */
    public void answerResults(UUID teamId, int status, String problemType) {
        refusals.put(teamId, problem(status, problemType, "answered " + status + " by the test"));
    }

    /** Results for the team are applied again, as teams-api does. */
    public void acceptResults(UUID teamId) {
        refusals.remove(teamId);
    }

    /** The team as teams-api holds it now. */
    public JsonNode team(UUID id) {
        return teams.get(id).deepCopy();
    }

    /** How often a team was looked up ({@code GET /api/v1/teams/{teamId}}), known to the double or not. */
    public int lookups(UUID teamId) {
        return count(lookups, teamId);
    }

    /** Deliveries of an assessment's result that reached the double. */
    public int received(UUID assessmentId) {
        return count(received, assessmentId);
    }

    /** Times an assessment's result changed a team (at most once, by teams-api's rule). */
    public int applied(UUID assessmentId) {
        return count(applied, assessmentId);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Matcher team = TEAM.matcher(path);
        Matcher result = RESULT.matcher(path);
        if (method.equals("GET") && team.matches()) {
            UUID id = UUID.fromString(team.group(1));
            lookups.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            ObjectNode found = teams.get(id);
            send(exchange, found == null ? 404 : 200, found == null ? problem(404, "not-found", "No team " + id) : found);
        } else if (method.equals("GET") && path.equals("/api/v1/teams")) {
            list(exchange);
        } else if (method.equals("POST") && result.matches()) {
            apply(exchange, UUID.fromString(result.group(1)));
        } else {
            send(exchange, 404, problem(404, "not-found", "not served by the teams-api double: " + method + " " + path));
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "20"));
        List<ObjectNode> matching = teams.values().stream()
                .filter(t -> !query.containsKey("province") || t.path("province").asText().equals(query.get("province")))
                .filter(t -> !query.containsKey("category") || t.path("category").asText().equals(query.get("category")))
                .sorted(Comparator.comparing(t -> t.path("code").asText())).toList();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        matching.stream().skip((long) page * size).limit(size).forEach(items::add);
        body.put("page", page).put("size", size).put("total", matching.size());
        send(exchange, 200, body);
    }

    private synchronized void apply(HttpExchange exchange, UUID teamId) throws IOException {
        JsonNode result = JSON.readTree(body(exchange));
        ObjectNode team = teams.get(teamId);
        if (team == null) {
            send(exchange, 404, problem(404, "not-found", "No team " + teamId));
            return;
        }
        UUID assessmentId = UUID.fromString(result.path("assessmentId").asText());
        received.computeIfAbsent(assessmentId, k -> new AtomicInteger()).incrementAndGet();
        ObjectNode refusal = refusals.get(teamId);
        if (refusal != null) {
            send(exchange, refusal.path("status").asInt(), refusal);
            return;
        }
        if (applied.containsKey(assessmentId)) {
            send(exchange, 200, team); // once per assessmentId: a repeat changes nothing
            return;
        }
        String grade = result.path("grade").asText();
        if (grade.equals("FAIL")) {
            int fails = consecutiveFails.merge(teamId, 1, Integer::sum);
            if (team.path("status").asText().equals("ACTIVE")) {
                team.put("status", "RECTIFICATION");
            }
            if (fails >= 2) {
                team.put("exitProposed", true);
            }
        } else {
            consecutiveFails.put(teamId, 0);
            team.put("grade", grade);
            team.put("gradeValidUntil", result.path("validUntil").asText());
            if (team.path("status").asText().equals("PROPOSED") && result.path("assessmentType").asText().equals("ACCEPTANCE")) {
                team.put("status", "ACTIVE");
            }
        }
        team.put("version", team.path("version").asLong() + 1);
        applied.computeIfAbsent(assessmentId, k -> new AtomicInteger()).incrementAndGet();
        send(exchange, 200, team);
    }

    private static int count(Map<UUID, AtomicInteger> counts, UUID id) {
        AtomicInteger count = counts.get(id);
        return count == null ? 0 : count.get();
    }
}
