package cn.rescueforce.teams.support;

import cn.rescueforce.devkit.testing.ServiceDouble;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for equipment-api in tests: {@code POST /api/v1/compliance-summary} as openapi/equipment-api.yaml describes
 * it, each team's compliance the one the test chose (100 by default), averaged and ranked as the contract says.
 */
public class EquipmentApiDouble extends ServiceDouble {

    private final Map<UUID, Double> percentByTeam = new ConcurrentHashMap<>();

    public EquipmentApiDouble() {
        super("equipment-api");
    }

    public void compliance(UUID teamId, double percent) {
        percentByTeam.put(teamId, percent);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/api/v1/compliance-summary")) {
            send(exchange, 404, problem(404, "not-found", "not served by the equipment-api double"));
            return;
        }
        JsonNode request = JSON.readTree(body(exchange));
        int lowest = request.path("lowest").asInt(5);
        List<ObjectNode> measured = new ArrayList<>();
        for (JsonNode team : request.path("teams")) {
            UUID id = UUID.fromString(team.path("teamId").asText());
            measured.add(JSON.createObjectNode().put("teamId", id.toString()).put("category", team.path("category").asText())
                    .put("compliancePercent", percentByTeam.getOrDefault(id, 100.0)));
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("measuredTeams", measured.size()).put("unmeasuredTeams", 0);
        if (!measured.isEmpty()) {
            double sum = measured.stream().mapToDouble(t -> t.path("compliancePercent").asDouble()).sum();
            summary.put("averagePercent", BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(measured.size()), 1, RoundingMode.HALF_UP).doubleValue());
        }
        summary.putArray("lowest").addAll(measured.stream()
                .sorted(Comparator.comparingDouble((ObjectNode t) -> t.path("compliancePercent").asDouble())
                        .thenComparing(t -> t.path("teamId").asText()))
                .limit(lowest).toList());
        summary.put("generatedAt", Instant.now().toString());
        send(exchange, 200, summary);
    }
}
