package cn.rescueforce.assessment.support;

import cn.rescueforce.devkit.testing.ServiceDouble;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for equipment-api in tests: {@code GET /api/v1/teams/{teamId}/compliance} as
 * openapi/equipment-api.yaml describes it, with a compliance percentage the test chooses (95 by default).
 */
public class EquipmentApiDouble extends ServiceDouble {

    private static final Pattern COMPLIANCE = Pattern.compile("^/api/v1/teams/([0-9a-f-]{36})/compliance$");

    private final Map<UUID, Double> percentByTeam = new ConcurrentHashMap<>();
    private final Set<UUID> unmeasurable = ConcurrentHashMap.newKeySet();

    public EquipmentApiDouble() {
        super("equipment-api");
    }

    public void compliance(UUID teamId, double percent) {
        percentByTeam.put(teamId, percent);
    }

    /** equipment-api has no standard configuration for the team's category: its compliance is answered 409. */
    public void noConfiguration(UUID teamId) {
        unmeasurable.add(teamId);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        Matcher matcher = COMPLIANCE.matcher(exchange.getRequestURI().getPath());
        if (!exchange.getRequestMethod().equals("GET") || !matcher.matches()) {
            send(exchange, 404, problem(404, "not-found", "not served by the equipment-api double"));
            return;
        }
        UUID teamId = UUID.fromString(matcher.group(1));
        if (unmeasurable.contains(teamId)) {
            send(exchange, 409, problem(409, "no-standard-configuration", "no published standard configuration for the team's category"));
            return;
        }
        double percent = percentByTeam.getOrDefault(teamId, 95.0);
        int required = 20;
        int inService = (int) Math.round(required * percent / 100);
        ObjectNode report = JSON.createObjectNode();
        report.put("teamId", teamId.toString());
        report.put("category", "MINING");
        report.put("configurationId", UUID.randomUUID().toString());
        report.put("configurationVersion", 3);
        ObjectNode line = report.putArray("lines").addObject();
        line.put("equipmentTypeCode", "BREATHING-APPARATUS-4H").put("equipmentTypeName", "4小时正压氧气呼吸器")
                .put("required", required).put("inService", inService).put("gap", required - inService);
        report.put("requiredTotal", required).put("inServiceTotal", inService).put("gapTotal", required - inService);
        ObjectNode overdue = report.putObject("overdueInspections");
        overdue.put("count", 1);
        overdue.putArray("items");
        report.put("compliancePercent", percent);
        report.put("compliant", percent == 100.0);
        report.put("generatedAt", Instant.now().toString());
        send(exchange, 200, report);
    }
}
