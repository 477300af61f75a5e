package cn.rescueforce.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Real ids and codes seen in the services' answers, by field or path-parameter name, so that valid requests
 * address objects that exist. {@code supportingUnitId} serves {@code unitId} and the other way round
 * (a name serves another when one ends with the other, capitalised).
 */
final class Pool {

    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int KEEP = 64;
    private final Map<String, List<String>> values = new ConcurrentHashMap<>();

    void add(String name, String value) {
        if (name == null || value == null || value.isEmpty() || value.length() > 64) {
            return;
        }
        List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
        synchronized (list) {
            if (!list.contains(value)) {
                if (list.size() >= KEEP) {
                    list.remove(0);
                }
                list.add(value);
            }
        }
    }

    /** A known value for this name, or null. */
    String pick(String name, Random random) {
        List<String> candidates = new ArrayList<>();
        String capitalised = capitalise(name);
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String k = e.getKey();
            if (k.equals(name) || (name.length() >= 5 && k.endsWith(capitalised))
                    || (k.length() >= 5 && name.endsWith(capitalise(k)))) {
                synchronized (e.getValue()) {
                    candidates.addAll(e.getValue());
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    boolean has(String name) {
        return pick(name, new Random(0)) != null;
    }

    /** Ids ({@code ...Id}: UUIDs) and type codes anywhere in an answer; {@code childParam} takes top-level and item ids. */
    void harvest(JsonNode answer, String childParam) {
        if (answer == null) {
            return;
        }
        if (childParam != null) {
            String own = childParam.endsWith("Code") ? "code" : "id";
            if (answer.path(own).isTextual()) {
                add(childParam, answer.path(own).asText());
            }
            for (JsonNode item : answer.path("items")) {
                if (item.path(own).isTextual()) {
                    add(childParam, item.path(own).asText());
                }
            }
        }
        walk(answer, 0);
    }

    private void walk(JsonNode node, int depth) {
        if (depth > 5) {
            return;
        }
        if (node.isArray()) {
            int n = 0;
            for (JsonNode item : node) {
                if (n++ > 20) {
                    break;
                }
                walk(item, depth + 1);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String k = f.getKey();
                JsonNode v = f.getValue();
                if (v.isTextual() && k.endsWith("Id") && UUID.matcher(v.asText()).matches()) {
                    add(k, v.asText());
                } else if (v.isTextual() && k.endsWith("TypeCode")) {
                    add(k, v.asText());
                } else if (v.isContainerNode()) {
                    walk(v, depth + 1);
                }
            });
        }
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(k).append('=').append(v.size()).append(' '));
        return out.toString().trim();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
