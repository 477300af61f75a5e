package cn.rescueforce.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a service contract that refers into {@code common.yaml} into one self-contained document: every
 * {@code common.yaml#/components/...} reference becomes local and the referenced components (and what they
 * refer to in turn) are copied into the service document. Nothing else changes, so the document a service
 * serves is exactly its published contract.
 */
public final class ContractBundler {

    static final String COMMON = "common.yaml";
    private static final String EXTERNAL_PREFIX = COMMON + "#/components/";

    private final YAMLMapper yaml = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private final ObjectNode common;

    public ContractBundler(Path contractsDir) throws IOException {
        this.common = (ObjectNode) yaml.readTree(contractsDir.resolve(COMMON).toFile());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ContractBundler CONTRACTS_DIR OUTPUT_DIR SERVICE...");
        }
        Path contracts = Path.of(args[0]);
        Path output = Path.of(args[1]);
        ContractBundler bundler = new ContractBundler(contracts);
        for (int i = 2; i < args.length; i++) {
            Path source = contracts.resolve(args[i] + ".yaml");
            if (!Files.exists(source)) {
                continue; // a service whose contract is not written yet serves its scanned document
            }
            Path target = output.resolve(args[i]).resolve("META-INF/openapi.yaml");
            Files.createDirectories(target.getParent());
            bundler.yaml.writeValue(target.toFile(), bundler.bundle(source));
        }
    }

    public ObjectNode bundle(Path serviceContract) throws IOException {
        ObjectNode doc = (ObjectNode) yaml.readTree(serviceContract.toFile());
        ObjectNode components = doc.has("components") ? (ObjectNode) doc.get("components") : doc.putObject("components");
        Deque<String> pending = new ArrayDeque<>();
        localize(doc, pending);
        while (!pending.isEmpty()) {
            String pointer = pending.pop(); // e.g. "schemas/Problem"
            String[] parts = pointer.split("/", 2);
            ObjectNode section = components.has(parts[0]) ? (ObjectNode) components.get(parts[0]) : components.putObject(parts[0]);
            if (section.has(parts[1]) && !isAliasOf(section.get(parts[1]), pointer)) {
                continue;
            }
            JsonNode definition = common.path("components").path(parts[0]).path(parts[1]);
            if (definition.isMissingNode()) {
                throw new IllegalStateException(serviceContract + " refers to " + EXTERNAL_PREFIX + pointer + ", which does not exist");
            }
            JsonNode copy = definition.deepCopy();
            section.set(parts[1], copy);
            collectLocalRefsOfCommon(copy, pending);
        }
        return doc;
    }

    /**
     * A service's own name for a shared component ({@code Specialty: {$ref: 'common.yaml#/components/schemas/Specialty'}},
     * so that its generated model keeps the name): once localized it points to itself, and the definition replaces it.
     */
    private static boolean isAliasOf(JsonNode component, String pointer) {
        return component.size() == 1 && ("#/components/" + pointer).equals(component.path("$ref").asText());
    }

    /** Rewrites external references in the service document to local ones, queueing what they point to. */
    private void localize(JsonNode node, Deque<String> pending) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText().replaceFirst("^\\./", "");
                if (target.startsWith(EXTERNAL_PREFIX)) {
                    String pointer = target.substring(EXTERNAL_PREFIX.length());
                    object.put("$ref", "#/components/" + pointer);
                    pending.push(pointer);
                } else if (target.startsWith(COMMON)) {
                    throw new IllegalStateException("unsupported reference " + target);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                localize(it.next().getValue(), pending);
            }
        } else if (node.isArray()) {
            node.forEach(child -> localize(child, pending));
        }
    }

    /** Components copied from common.yaml refer to each other locally; those must come along too. */
    private void collectLocalRefsOfCommon(JsonNode node, Deque<String> pending) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                pending.push(ref.asText().substring("#/components/".length()));
            }
            node.elements().forEachRemaining(child -> collectLocalRefsOfCommon(child, pending));
        } else if (node.isArray()) {
            node.forEach(child -> collectLocalRefsOfCommon(child, pending));
        }
    }
}
