package cn.rescueforce.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bilingual integrators read the contracts: every enum, wherever it is declared (a named schema, a parameter, a
 * property), says what each of its values means, in Chinese and English, twice: for people in its
 * {@code description} (a line {@code `VALUE` 中文名 — English explanation} per value) and for programs in the
 * extension {@code x-enum-labels}, which maps exactly the enum's values to {@code {zh, en}} so that a bilingual
 * user interface needs no labels of its own. (Not {@code x-enum-descriptions}: openapi-generator reads that name
 * itself, as strings, and fails on objects.)
 */
class EnumLabelsTest {

    static final String LABELS = "x-enum-labels";
    private static final Path CONTRACTS = Path.of(".");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    static Stream<String> contracts() {
        // every contract of openapi/, a new one included
        try (Stream<Path> files = Files.list(CONTRACTS)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length())).sorted().toList();
            return names.stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyEnumValueIsLabelledInChineseAndEnglish(String contract) throws IOException {
        JsonNode doc = new YAMLMapper().readTree(CONTRACTS.resolve(contract + ".yaml").toFile());
        List<String> faults = new ArrayList<>();
        int[] enums = {0};
        walk(doc, "", (where, schema) -> {
            enums[0]++;
            faults.addAll(faultsOf(where, schema));
        });
        assertTrue(enums[0] > 0, contract + ": no enum found, is the walk broken?");
        assertTrue(faults.isEmpty(), contract + ".yaml:\n" + String.join("\n", faults));
    }

    /** What is wrong with the labels of one enum schema; nothing when they are complete. */
    static List<String> faultsOf(String where, JsonNode schema) {
        List<String> faults = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        JsonNode labels = schema.path(LABELS);
        if (!labels.isObject()) {
            faults.add(where + ": no " + LABELS + " (value -> {zh, en}) for " + values);
            return faults;
        }
        Set<String> labelled = new LinkedHashSet<>();
        labels.fieldNames().forEachRemaining(labelled::add);
        for (String value : values) {
            if (!labelled.contains(value)) {
                faults.add(where + ": " + LABELS + " lacks " + value);
            }
        }
        for (String value : labelled) {
            if (!values.contains(value)) {
                faults.add(where + ": " + LABELS + " labels " + value + ", which is not a value of the enum");
            }
        }
        String description = schema.path("description").asText("");
        labels.fields().forEachRemaining(label -> {
            String zh = label.getValue().path("zh").asText("").strip();
            String en = label.getValue().path("en").asText("").strip();
            if (!CJK.matcher(zh).find()) {
                faults.add(where + ": " + label.getKey() + " has no Chinese name (zh with CJK characters)");
            }
            if (!LATIN_WORD.matcher(en).find()) {
                faults.add(where + ": " + label.getKey() + " has no English explanation (en)");
            }
            if (values.contains(label.getKey()) && !zh.isEmpty() && !description.contains("`" + label.getKey() + "` " + zh)) {
                faults.add(where + ": the description does not list `" + label.getKey() + "` " + zh);
            }
        });
        return faults;
    }

    interface EnumVisitor {
        void visit(String where, JsonNode schema);
    }

    /** Every schema object with an {@code enum}, outside examples (whose data may hold anything). */
    static void walk(JsonNode node, String where, EnumVisitor visitor) {
        if (node.isObject()) {
            if (node.path("enum").isArray()) {
                visitor.visit(where.isEmpty() ? "/" : where, node);
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("example") && !field.getKey().equals("examples") && !field.getKey().equals(LABELS)) {
                    walk(field.getValue(), where + "/" + field.getKey(), visitor);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visitor);
            }
        }
    }
}
