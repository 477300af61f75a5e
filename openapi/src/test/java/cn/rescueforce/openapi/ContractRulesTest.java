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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contracts are the product's public face: every operation must tell an integrator what it does, who
 * may call it, what it looks like and how it fails. This test reads the published files and names every
 * operation that falls short.
 */
class ContractRulesTest {

    private static final Path CONTRACTS = Path.of(".");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private final YAMLMapper yaml = new YAMLMapper();

    static Stream<String> services() {
        return Stream.of("teams-api", "equipment-api", "assessment-api")
                .filter(s -> Files.exists(CONTRACTS.resolve(s + ".yaml")));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyOperationIsDocumentedWithExamplesAndErrors(String service) throws IOException {
        ObjectNode doc = new ContractBundler(CONTRACTS).bundle(CONTRACTS.resolve(service + ".yaml"));
        List<String> faults = new ArrayList<>();
        assertEquals("3.1.0", doc.path("openapi").asText(), service + " must be OpenAPI 3.1");
        boolean securedByDefault = doc.path("security").size() > 0;
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            for (String field : List.of("operationId", "summary", "description", "tags")) {
                if (operation.path(field).isMissingNode() || operation.path(field).asText().isBlank() && !operation.path(field).isArray()) {
                    faults.add(name + ": no " + field);
                }
            }
            boolean isPublic = operation.has("security") && operation.get("security").isEmpty();
            if (!isPublic && !securedByDefault && !operation.has("security")) {
                faults.add(name + ": no security requirement");
            }
            JsonNode responses = operation.path("responses");
            if (!isPublic) {
                requireResponse(faults, name, responses, "401");
            }
            if (path.getKey().contains("{")) {
                requireResponse(faults, name, responses, "404");
            }
            if (operation.has("requestBody") || operation.has("parameters") || path.getValue().has("parameters")) {
                requireResponse(faults, name, responses, "400");
            }
            // every service refuses a body above its limit (the kit's BodySizeLimit), rate-limits every request (the
            // kit's rate limits: per caller, or per client address without a valid token), answers an unexpected
            // failure with a generic 500 and an unreachable database or dependency with 503: the contract must say so
            if (operation.has("requestBody")) {
                requireResponse(faults, name, responses, "413");
            }
            requireResponse(faults, name, responses, "429");
            if (responses.has("429") && !resolve(doc, responses.path("429")).path("headers").has("Retry-After")) {
                faults.add(name + ": response 429 without the Retry-After header");
            }
            requireResponse(faults, name, responses, "500");
            requireResponse(faults, name, responses, "503");
            if (operation.has("requestBody") && !hasExample(operation.path("requestBody").path("content"))) {
                faults.add(name + ": request body without example");
            }
            responses.fields().forEachRemaining(response -> {
                JsonNode resolved = resolve(doc, response.getValue());
                String status = response.getKey();
                if (status.startsWith("2") && resolved.has("content") && !hasExample(resolved.path("content"))) {
                    faults.add(name + ": response " + status + " without example");
                }
                if ((status.startsWith("4") || status.startsWith("5")) && !resolved.path("content").has("application/problem+json")) {
                    faults.add(name + ": response " + status + " is not application/problem+json");
                }
            });
        }));
        assertTrue(faults.isEmpty(), service + ":\n" + String.join("\n", faults));
    }

    @ParameterizedTest
    @MethodSource("services")
    void theBundledDocumentHasNoDanglingReferences(String service) throws IOException {
        ObjectNode doc = new ContractBundler(CONTRACTS).bundle(CONTRACTS.resolve(service + ".yaml"));
        List<String> dangling = new ArrayList<>();
        collectDangling(doc, doc, dangling);
        assertTrue(dangling.isEmpty(), "unresolved: " + dangling);
    }

    @Test
    void everySharedSchemaHasItsNameAsTitleSoGeneratedModelsKeepIt() throws IOException {
        JsonNode schemas = yaml.readTree(CONTRACTS.resolve("common.yaml").toFile()).path("components").path("schemas");
        schemas.fields().forEachRemaining(schema ->
                assertEquals(schema.getKey(), schema.getValue().path("title").asText(), "title of " + schema.getKey()));
    }

    /**
     * A vocabulary the services share (the rescue specialties, {@code Specialty}) is defined once, in common.yaml: a
     * service contract may name it (a schema that is only {@code $ref: 'common.yaml#/components/schemas/<the same
     * name>'}, which keeps the generated model's name when it is used in arrays), never define it again, which would let
     * the two drift apart. The bundled document carries the definition under that name.
     */
    @ParameterizedTest
    @MethodSource("services")
    void aSharedSchemaIsDefinedOnlyInCommonYaml(String service) throws IOException {
        JsonNode shared = yaml.readTree(CONTRACTS.resolve("common.yaml").toFile()).path("components").path("schemas");
        JsonNode own = yaml.readTree(CONTRACTS.resolve(service + ".yaml").toFile()).path("components").path("schemas");
        List<String> again = new ArrayList<>();
        own.fields().forEachRemaining(schema -> {
            String alias = "common.yaml#/components/schemas/" + schema.getKey();
            if (shared.has(schema.getKey()) && !(schema.getValue().size() == 1 && alias.equals(schema.getValue().path("$ref").asText()))) {
                again.add(schema.getKey());
            }
        });
        assertTrue(again.isEmpty(), service + " defines again what common.yaml defines (name it with only a $ref to common.yaml): " + again);
        ObjectNode bundled = new ContractBundler(CONTRACTS).bundle(CONTRACTS.resolve(service + ".yaml"));
        own.fieldNames().forEachRemaining(name -> {
            if (shared.has(name)) {
                assertEquals(shared.get(name), bundled.path("components").path("schemas").get(name), "bundled " + name + " of " + service);
            }
        });
    }

    @Test
    void theSpecialtiesAreOneVocabularyOfTeamsAndEquipment() throws IOException {
        assertTrue(yaml.readTree(CONTRACTS.resolve("common.yaml").toFile()).path("components").path("schemas").path("Specialty")
                .path("enum").size() > 0, "common.yaml defines Specialty");
        for (String service : List.of("teams-api", "equipment-api")) {
            assertEquals("common.yaml#/components/schemas/Specialty", yaml.readTree(CONTRACTS.resolve(service + ".yaml").toFile())
                    .path("components").path("schemas").path("Specialty").path("$ref").asText(), service + " names common.yaml's Specialty");
        }
    }

    private static void requireResponse(List<String> faults, String name, JsonNode responses, String status) {
        if (!responses.has(status)) {
            faults.add(name + ": no " + status + " response");
        }
    }

    private static boolean hasExample(JsonNode content) {
        if (content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            if (!media.has("example") && !media.has("examples")) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : doc.at(ref.asText().substring(1));
    }

    private static void collectDangling(JsonNode doc, JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                if (!ref.asText().startsWith("#/") || doc.at(ref.asText().substring(1)).isMissingNode()) {
                    dangling.add(ref.asText());
                }
            }
        }
        node.elements().forEachRemaining(child -> collectDangling(doc, child, dangling));
    }
}
