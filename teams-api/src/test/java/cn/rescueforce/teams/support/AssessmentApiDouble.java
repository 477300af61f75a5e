package cn.rescueforce.teams.support;

import cn.rescueforce.devkit.testing.ServiceDouble;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for assessment-api in tests: {@code GET /api/v1/statistics/grades} as openapi/assessment-api.yaml describes
 * it, answering for a province and category the grade counts the test set (none by default).
 */
public class AssessmentApiDouble extends ServiceDouble {

    /** Teams per grade of a province and category, and the assessments finalized and passed. */
    public record Grades(int grade1, int grade2, int grade3, int fail, int finalized, int passed, int overdue) {
    }

    private final Map<String, Grades> byProvinceAndCategory = new ConcurrentHashMap<>();

    public AssessmentApiDouble() {
        super("assessment-api");
    }

    public void grades(String province, String category, Grades grades) {
        byProvinceAndCategory.put(province + "/" + category, grades);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals("/api/v1/statistics/grades")) {
            send(exchange, 404, problem(404, "not-found", "not served by the assessment-api double"));
            return;
        }
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        int[] totals = new int[7];
        byProvinceAndCategory.forEach((key, grades) -> {
            String[] parts = key.split("/");
            if ((query.get("province") == null || query.get("province").equals(parts[0]))
                    && (query.get("category") == null || query.get("category").equals(parts[1]))) {
                int[] add = {grades.grade1(), grades.grade2(), grades.grade3(), grades.fail(), grades.finalized(), grades.passed(), grades.overdue()};
                for (int i = 0; i < add.length; i++) {
                    totals[i] += add[i];
                }
            }
        });
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("rows");
        ObjectNode counts = answer.putObject("totals");
        counts.put("grade1", totals[0]).put("grade2", totals[1]).put("grade3", totals[2]).put("fail", totals[3])
                .put("finalized", totals[4]).put("passed", totals[5]).put("overdue", totals[6]);
        if (totals[4] > 0) {
            counts.put("passRate", Math.round(totals[5] * 1000.0 / totals[4]) / 1000.0);
        }
        answer.put("generatedAt", Instant.now().toString());
        send(exchange, 200, answer);
    }
}
