package cn.rescueforce.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples are what integrators copy: they must be true. Every example validates against the schema of its
 * parameter, request or response (required properties, types, formats, enum values), and a state-changing operation shows in
 * its response examples only the status it can leave the object in, which it declares itself with
 * {@code x-resulting-status} (one value or a list) next to its operationId.
 */
class ExampleRulesTest {

    static final String RESULTING_STATUS = "x-resulting-status";
    private static final Path CONTRACTS = Path.of(".");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    /** The property that carries an object's lifecycle: {@code status}, or {@code state} (outbox messages). */
    private static final List<String> STATUS_PROPERTIES = List.of("status", "state");
    /** A value that is an anchor ({@code &id001}) or an alias ({@code *id001}), after a key or a list dash. */
    private static final Pattern ANCHOR_OR_ALIAS = Pattern.compile("(:|^\\s*-)\\s+[&*][A-Za-z0-9_-]+(\\s|$)");

    static Stream<String> services() {
        return Stream.of("teams-api", "equipment-api", "assessment-api")
                .filter(s -> Files.exists(CONTRACTS.resolve(s + ".yaml")));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyExampleValidatesAgainstItsSchema(String service) throws IOException {
        ObjectNode doc = new ContractBundler(CONTRACTS).bundle(CONTRACTS.resolve(service + ".yaml"));
        String iri = "https://rescue-force.cn/contracts/" + service + ".json";
        String json = new ObjectMapper().writeValueAsString(doc);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(iri, json))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        List<String> faults = new ArrayList<>();
        int[] checked = {0};
        forEachMedia(doc, (where, media) -> {
            if (!media.has("schema")) {
                return;
            }
            JsonSchema schema = factory.getSchema(SchemaLocation.of(iri + "#" + where + "/schema"), config);
            examplesOf(doc, media).forEach((name, example) -> {
                checked[0]++;
                for (ValidationMessage message : schema.validate(example)) {
                    faults.add(where + " example " + name + ": " + message.getMessage());
                }
            });
        });
        assertTrue(checked[0] > 0, service + ": no example found, is the walk broken?");
        assertTrue(faults.isEmpty(), service + ":\n" + String.join("\n", faults));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyResponseExampleShowsTheStatusItsOperationLeaves(String service) throws IOException {
        ObjectNode doc = new ContractBundler(CONTRACTS).bundle(CONTRACTS.resolve(service + ".yaml"));
        List<String> faults = new ArrayList<>();
        forEachOperation(doc, (name, operation) -> {
            JsonNode declared = operation.get(RESULTING_STATUS);
            Set<String> requestStatuses = requestStatuses(doc, operation);
            operation.path("responses").fields().forEachRemaining(response -> {
                if (!response.getKey().startsWith("2")) {
                    return;
                }
                resolve(doc, response.getValue()).path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = resolve(doc, media.getValue().path("schema"));
                    String property = statusProperty(schema, declared != null);
                    if (property == null) {
                        if (declared != null) {
                            faults.add(name + ": declares " + RESULTING_STATUS + " but its " + response.getKey()
                                    + " response has no status property");
                        }
                        return;
                    }
                    Set<String> allowed;
                    if (declared != null) {
                        allowed = values(declared);
                        Set<String> known = values(resolve(doc, schema.path("properties").path(property)).path("enum"));
                        for (String status : allowed) {
                            if (!known.contains(status)) {
                                faults.add(name + ": " + RESULTING_STATUS + " " + status + " is not a value of " + property);
                            }
                        }
                    } else if (!requestStatuses.isEmpty()) {
                        allowed = requestStatuses; // the caller sets the status; the example echoes the request's
                    } else if (!name.startsWith("POST ")) {
                        return; // only a POST is required to declare it (a PUT may, and is then checked)
                    } else if (requestSetsStatus(doc, operation, property)) {
                        return;
                    } else {
                        faults.add(name + ": changes an object with a " + property + " but declares no "
                                + RESULTING_STATUS + " (the status it leaves the object in)");
                        return;
                    }
                    examplesOf(doc, media.getValue()).forEach((example, value) -> {
                        String shown = value.path(property).asText(null);
                        if (shown == null || !allowed.contains(shown)) {
                            faults.add(name + ": response " + response.getKey() + " example " + example + " shows "
                                    + property + " " + shown + ", but the operation leaves " + allowed);
                        }
                    });
                });
            });
        });
        assertTrue(faults.isEmpty(), service + ":\n" + String.join("\n", faults));
    }

    /**
     * No YAML anchors or aliases: the bundler reads the contracts with Jackson, which gives an alias as the anchor's
     * name, so the served document would show {@code specialties: id001} instead of the list.
     */
    @ParameterizedTest
    @MethodSource("contracts")
    void theContractsUseNoYamlAnchorsOrAliases(String contract) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(CONTRACTS.resolve(contract + ".yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (ANCHOR_OR_ALIAS.matcher(lines.get(i)).find()) {
                found.add((i + 1) + ": " + lines.get(i).strip());
            }
        }
        assertTrue(found.isEmpty(), contract + ".yaml uses YAML anchors or aliases; write the value out:\n" + String.join("\n", found));
    }

    static Stream<String> contracts() {
        return Stream.concat(Stream.of("common"), services());
    }

    /**
     * The lifecycle property of an object schema: {@code status}; {@code state} only where the operation declares
     * its resulting status (a certificate's {@code state} follows its expiry, not an operation). Null when none.
     */
    private static String statusProperty(JsonNode schema, boolean declared) {
        for (String property : declared ? STATUS_PROPERTIES : List.of("status")) {
            if (schema.path("properties").has(property)) {
                return property;
            }
        }
        return null;
    }

    /** Whether the request body lets the caller set the status itself (e.g. an item registered out of service). */
    private static boolean requestSetsStatus(JsonNode doc, JsonNode operation, String property) {
        for (JsonNode media : resolve(doc, operation.path("requestBody")).path("content")) {
            if (resolve(doc, media.path("schema")).path("properties").has(property)) {
                return true;
            }
        }
        return false;
    }

    /** The statuses the request examples set, when the request body carries one. */
    private static Set<String> requestStatuses(JsonNode doc, JsonNode operation) {
        Set<String> statuses = new LinkedHashSet<>();
        for (JsonNode media : resolve(doc, operation.path("requestBody")).path("content")) {
            examplesOf(doc, media).values().forEach(example -> {
                for (String property : STATUS_PROPERTIES) {
                    if (example.path(property).isTextual()) {
                        statuses.add(example.path(property).asText());
                    }
                }
            });
        }
        return statuses;
    }

    private static Set<String> values(JsonNode declared) {
        Set<String> values = new LinkedHashSet<>();
        if (declared.isArray()) {
            declared.forEach(v -> values.add(v.asText()));
        } else if (!declared.isMissingNode()) {
            values.add(declared.asText());
        }
        return values;
    }

    private static void forEachOperation(JsonNode doc, BiConsumer<String, JsonNode> action) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                action.accept(op.getKey().toUpperCase() + " " + path.getKey() + " (" + op.getValue().path("operationId").asText() + ")", op.getValue());
            }
        }));
    }

    /** Every media type object of a request body or response, with its JSON pointer in the bundled document. */
    private static void forEachMedia(JsonNode doc, BiConsumer<String, JsonNode> action) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String at = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
            parameters(doc, path.getValue().path("parameters"), "/paths/" + escape(path.getKey()) + "/parameters", action);
            parameters(doc, op.getValue().path("parameters"), at + "/parameters", action);
            JsonNode body = op.getValue().path("requestBody");
            String bodyAt = body.has("$ref") ? body.get("$ref").asText().substring(1) : at + "/requestBody";
            resolve(doc, body).path("content").fields().forEachRemaining(media ->
                    action.accept(bodyAt + "/content/" + escape(media.getKey()), media.getValue()));
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                JsonNode value = response.getValue();
                String responseAt = value.has("$ref") ? value.get("$ref").asText().substring(1) : at + "/responses/" + response.getKey();
                resolve(doc, value).path("content").fields().forEachRemaining(media ->
                        action.accept(responseAt + "/content/" + escape(media.getKey()), media.getValue()));
            });
        }));
    }

    /** Parameters carry their schema and examples like a media type object does. */
    private static void parameters(JsonNode doc, JsonNode parameters, String at, BiConsumer<String, JsonNode> action) {
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            action.accept(parameter.has("$ref") ? parameter.get("$ref").asText().substring(1) : at + "/" + i, resolve(doc, parameter));
        }
    }

    /** The examples of a media type object: {@code example}, and every {@code examples} entry's value. */
    static Map<String, JsonNode> examplesOf(JsonNode doc, JsonNode media) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        if (media.has("example")) {
            examples.put("(example)", media.get("example"));
        }
        media.path("examples").fields().forEachRemaining(example -> {
            JsonNode value = resolve(doc, example.getValue());
            if (value.has("value")) {
                String ref = example.getValue().path("$ref").asText("");
                examples.put(example.getKey() + (ref.isEmpty() ? "" : " (" + ref + ")"), value.get("value"));
            }
        });
        return examples;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(doc, doc.at(ref.asText().substring(1)));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
