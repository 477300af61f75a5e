package cn.rescueforce.devkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the OpenAPI document a service serves at /q/openapi with its published contract (the bundled
 * openapi/SERVICE.yaml on the classpath as META-INF/openapi.yaml): every path, operation, parameter,
 * request body, response and component must be the same. Returns the differences, one line each.
 */
public final class ContractDrift {

    private static final Set<String> COMPARED_SECTIONS = Set.of("paths", "components", "security");

    private ContractDrift() {
    }

    public static JsonNode published() {
        try (InputStream in = ContractDrift.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("no META-INF/openapi.yaml on the classpath: is the contract bundled?");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param servedJson the body of {@code GET /q/openapi?format=json} */
    public static List<String> between(JsonNode published, String servedJson) {
        try {
            JsonNode served = new ObjectMapper().readTree(servedJson);
            List<String> differences = new ArrayList<>();
            for (String section : COMPARED_SECTIONS) {
                compare(section, normalize(published.path(section)), normalize(served.path(section)), differences);
            }
            return differences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML and JSON disagree on number types (1 vs 1.0); compare numbers by value. */
    private static JsonNode normalize(JsonNode node) {
        return new ObjectMapper().valueToTree(new ObjectMapper().convertValue(node, Object.class));
    }

    private static void compare(String where, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name)) {
                    differences.add(where + "." + name + ": served but not published");
                } else if (!actual.has(name)) {
                    differences.add(where + "." + name + ": published but not served");
                } else {
                    compare(where + "." + name, expected.get(name), actual.get(name), differences);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(where + ": " + expected.size() + " items published, " + actual.size() + " served");
                return;
            }
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                compare(where + "[" + i + "]", e.next(), a.next(), differences);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add(where + ": published " + expected + ", served " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(where + ": published " + expected + ", served " + actual);
        }
    }
}
