package cn.rescueforce.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The problem catalogue ({@code x-problem-catalogue} of {@code Problem.type} in common.yaml) is the one list of the
 * problem types the services answer: every error response of every operation names, in its examples, types of the
 * catalogue with the catalogue's status and title; every type the code raises is in it with the same status and
 * title; and every type in it is raised somewhere. Every entry has its Chinese title ({@code titleZh}, right after
 * {@code title}), which the services answer a request preferring Chinese with.
 */
class ProblemCatalogueTest {

    private static final Path CONTRACTS = Path.of(".");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final String BASE = "https://rescue-force.cn/problems/";
    /** The main sources of the kit and the services, relative to openapi/. */
    private static final List<Path> SOURCES = List.of(Path.of("kit/src/main/java"), Path.of("../teams-api/src/main/java"),
            Path.of("../equipment-api/src/main/java"), Path.of("../assessment-api/src/main/java"));
    /** Where the code names a type with its status and title: the kit's two ways of building a problem. */
    private static final Pattern RAISED = Pattern.compile(
            "new ProblemException\\(\\s*(\\d{3}),\\s*\"([a-z-]+)\",\\s*\"([^\"]+)\"");
    private static final Pattern ANSWERED = Pattern.compile(
            "ProblemResponses\\.of\\(\\s*(\\d{3}),\\s*(?:Problem\\.)?TYPE_BASE \\+ \"([a-z-]+)\",\\s*\"([^\"]+)\"");
    /** Any other spelling of a type in the code. */
    private static final Pattern NAMED = Pattern.compile("TYPE_BASE \\+ \"([a-z-]+)\"");

    private final YAMLMapper yaml = new YAMLMapper();

    static Stream<String> services() {
        return Stream.of("teams-api", "equipment-api", "assessment-api");
    }

    private JsonNode catalogue() throws IOException {
        return yaml.readTree(CONTRACTS.resolve("common.yaml").toFile())
                .at("/components/schemas/Problem/properties/type/x-problem-catalogue");
    }

    @Test
    void everyEntryOfTheCatalogueIsComplete() throws IOException {
        List<String> faults = new ArrayList<>();
        JsonNode catalogue = catalogue();
        assertTrue(catalogue.size() > 10, "no catalogue in common.yaml");
        catalogue.fields().forEachRemaining(entry -> {
            for (String field : List.of("title", "titleZh", "status", "when", "then")) {
                if (entry.getValue().path(field).asText().isBlank()) {
                    faults.add(entry.getKey() + ": no " + field);
                }
            }
            // the Chinese title the services answer a Chinese request with (cn.rescueforce.kit.problem.ProblemTitles)
            String titleZh = entry.getValue().path("titleZh").asText();
            if (!titleZh.isBlank() && !titleZh.matches(".*\\p{IsHan}.*")) {
                faults.add(entry.getKey() + ": titleZh '" + titleZh + "' is not Chinese");
            }
            int status = entry.getValue().path("status").asInt();
            if (status < 400 || status > 599) {
                faults.add(entry.getKey() + ": status " + status);
            }
            if (!entry.getKey().matches("[a-z]+(-[a-z]+)*")) {
                faults.add(entry.getKey() + ": not a lower-case hyphenated name");
            }
        });
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyErrorResponseNamesCataloguedTypesWithTheirStatusAndTitle(String service) throws IOException {
        JsonNode catalogue = catalogue();
        ObjectNode doc = new ContractBundler(CONTRACTS).bundle(CONTRACTS.resolve(service + ".yaml"));
        List<String> faults = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                String status = response.getKey();
                if (!status.startsWith("4") && !status.startsWith("5")) {
                    return;
                }
                JsonNode media = resolve(doc, response.getValue()).path("content").path("application/problem+json");
                List<JsonNode> examples = new ArrayList<>();
                if (media.has("example")) {
                    examples.add(media.get("example"));
                }
                media.path("examples").forEach(example -> examples.add(resolve(doc, example).path("value")));
                if (examples.isEmpty()) {
                    faults.add(name + " " + status + ": no example naming its problem type");
                }
                for (JsonNode example : examples) {
                    String type = example.path("type").asText();
                    String key = type.startsWith(BASE) ? type.substring(BASE.length()) : type;
                    JsonNode entry = catalogue.path(key);
                    if (entry.isMissingNode()) {
                        faults.add(name + " " + status + ": type " + type + " is not in the catalogue");
                        continue;
                    }
                    if (!status.equals(entry.path("status").asText()) || example.path("status").asInt() != entry.path("status").asInt()) {
                        faults.add(name + " " + status + ": " + key + " is a " + entry.path("status").asText() + " in the catalogue");
                    }
                    if (!entry.path("title").asText().equals(example.path("title").asText())) {
                        faults.add(name + " " + status + ": " + key + " has the title '" + entry.path("title").asText() + "' in the catalogue");
                    }
                    if (key.equals("conflict")) {
                        // the generic type is only the kit's fallback for a unique constraint no service has named
                        faults.add(name + " " + status + ": the generic 'conflict'; name what conflicts");
                    }
                }
            });
        }));
        assertTrue(faults.isEmpty(), service + ":\n" + String.join("\n", faults));
    }

    @Test
    void everyTypeTheCodeRaisesIsCataloguedWithTheSameStatusAndTitle() throws IOException {
        JsonNode catalogue = catalogue();
        List<String> faults = new ArrayList<>();
        Map<String, String> sources = sources();
        Set<String> named = new HashSet<>();
        sources.forEach((file, text) -> {
            for (Pattern pattern : List.of(RAISED, ANSWERED)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    JsonNode entry = catalogue.path(m.group(2));
                    named.add(m.group(2));
                    if (entry.isMissingNode()) {
                        faults.add(file + ": " + m.group(2) + " is not in the catalogue");
                    } else if (!entry.path("status").asText().equals(m.group(1)) || !entry.path("title").asText().equals(m.group(3))) {
                        faults.add(file + ": " + m.group(2) + " is " + m.group(1) + " '" + m.group(3) + "', the catalogue says "
                                + entry.path("status").asText() + " '" + entry.path("title").asText() + "'");
                    }
                }
            }
            Matcher m = NAMED.matcher(text);
            while (m.find()) {
                if (catalogue.path(m.group(1)).isMissingNode()) {
                    faults.add(file + ": " + m.group(1) + " is not in the catalogue");
                }
            }
        });
        catalogue.fieldNames().forEachRemaining(type -> {
            boolean raised = sources.values().stream().anyMatch(text -> text.contains("\"" + type + "\""));
            if (!raised) {
                faults.add(type + ": in the catalogue but raised nowhere in the code");
            }
        });
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    private static Map<String, String> sources() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    texts.put(root.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        return texts;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : doc.at(ref.asText().substring(1));
    }
}
