package cn.rescueforce.openapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message a client reads exists in Chinese and English (README "How the API behaves", common.yaml
 * {@code Problem}). The code writes each one as {@code Text.of("English template {0}", arg)} (the kit's
 * {@code cn.rescueforce.kit.i18n.Text}: the problem constructors and helpers take a {@code Text}, never a String), and
 * each module's message catalogue {@code src/main/resources/META-INF/rescue-force/texts-zh.txt} has its Chinese:
 *
 * <pre>
 * en: No {0} {1}
 * zh: {0} {1} 不存在
 * </pre>
 *
 * This test reads every {@code Text.of(…)} of the main code of the kit and the services and fails when a template is
 * not one string literal, has no Chinese pair (in the module's catalogue or the kit's), when the Chinese has other
 * placeholders than the English or no Chinese at all, when an argument is English prose (a string literal with words:
 * prose belongs in the template), and when a pair of a catalogue is used nowhere.
 */
class TextCatalogueTest {

    static final Path KIT = Path.of("kit");
    private static final String CATALOGUE = "src/main/resources/META-INF/rescue-force/texts-zh.txt";
    private static final Pattern TEXT_OF = Pattern.compile("\\bText\\.of\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}");
    /** Templates with no prose of their own (a rendered message, a field and its message, a field name): the same in both. */
    private static final Set<String> NO_PROSE = Set.of("{0}", "{0}: {1}", "targetUrl {0}");

    static Stream<String> services() {
        return Stream.of("teams-api", "equipment-api", "assessment-api");
    }

    private static Path module(String name) {
        return name.equals("kit") ? KIT : Path.of("..", name);
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyMessageOfTheServiceHasItsChinese(String service) throws IOException {
        List<String> faults = new ArrayList<>();
        Map<String, String> kit = catalogue(KIT, faults);
        Map<String, String> own = catalogue(module(service), faults);
        Map<String, List<String>> used = templates(module(service), faults);
        assertTrue(used.size() > 20, service + ": hardly any Text.of found, is the scan broken?");
        check(service, used, own, kit, faults);
        assertTrue(faults.isEmpty(), service + ":\n" + String.join("\n", faults));
    }

    @Test
    void everyMessageOfTheKitHasItsChinese() throws IOException {
        List<String> faults = new ArrayList<>();
        Map<String, String> kit = catalogue(KIT, faults);
        Map<String, List<String>> used = templates(KIT, faults);
        assertTrue(used.size() > 20, "kit: hardly any Text.of found, is the scan broken?");
        check("kit", used, kit, Map.of(), faults);
        assertTrue(faults.isEmpty(), "kit:\n" + String.join("\n", faults));
    }

    /** The rules this test applies, on a made-up module: a missing translation and prose in an argument are caught. */
    @Test
    void theScanFindsWhatIsMissing() {
        List<String> faults = new ArrayList<>();
        Map<String, List<String>> used = new TreeMap<>();
        scan("A.java", """
                class A {
                    // Text.of("in a comment") is not code
                    void a(int id, String s) {
                        throw ProblemException.invalid("x", Text.of("No team {0}", id));
                        throw ProblemException.invalid("y", Text.of("must be {0}", s == null ? "unknown" : "known"));
                        throw ProblemException.invalid("z", Text.of(s));
                        throw ProblemException.invalid("w", Text.of("say \\"{0}\\"", id));
                    }
                }
                """, used, faults);
        assertEquals(Set.of("No team {0}", "must be {0}", "say \"{0}\""), used.keySet());
        assertEquals(2, faults.size(), String.join("\n", faults));
        check("made-up", used, Map.of("No team {0}", "{0} 救援队伍不存在", "say \"{0}\"", "说 {1}"), Map.of(), faults);
        assertTrue(faults.stream().anyMatch(f -> f.contains("\"must be {0}\" has no Chinese")), String.join("\n", faults));
        assertTrue(faults.stream().anyMatch(f -> f.contains("placeholders")), String.join("\n", faults));
    }

    private static void check(String module, Map<String, List<String>> used, Map<String, String> own, Map<String, String> kit,
                              List<String> faults) {
        used.forEach((template, where) -> {
            String zh = own.containsKey(template) ? own.get(template) : kit.get(template);
            if (zh == null) {
                faults.add(where.get(0) + ": \"" + template + "\" has no Chinese: add to " + module + "/" + CATALOGUE
                        + " the lines\nen: " + template + "\nzh: <the Chinese, with the same placeholders>");
                return;
            }
            if (!placeholders(template).equals(placeholders(zh))) {
                faults.add(where.get(0) + ": \"" + template + "\" has the placeholders " + placeholders(template)
                        + ", its Chinese \"" + zh + "\" " + placeholders(zh));
            }
            if (!CJK.matcher(zh).find() && !NO_PROSE.contains(template)) {
                faults.add(module + "/" + CATALOGUE + ": the Chinese of \"" + template + "\" has no Chinese in it: \"" + zh + "\"");
            }
        });
        own.keySet().stream().filter(template -> !used.containsKey(template)).forEach(template ->
                faults.add(module + "/" + CATALOGUE + ": \"" + template + "\" is used nowhere in " + module + "'s code; remove it"));
    }

    private static Set<String> placeholders(String template) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** A module's catalogue, English template to Chinese; its format faults go to faults. */
    static Map<String, String> catalogue(Path module, List<String> faults) throws IOException {
        Path file = module.resolve(CATALOGUE);
        Map<String, String> pairs = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return pairs;
        }
        String en = null;
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (en == null && line.startsWith("en: ")) {
                en = line.substring(4).strip();
            } else if (en != null && line.startsWith("zh: ")) {
                if (pairs.put(en, line.substring(4).strip()) != null) {
                    faults.add(file + ":" + number + ": \"" + en + "\" is there twice");
                }
                en = null;
            } else {
                faults.add(file + ":" + number + ": expected " + (en == null ? "\"en: \"" : "\"zh: \"") + ", found: " + line);
            }
        }
        if (en != null) {
            faults.add(file + ": \"" + en + "\" has no \"zh: \" line");
        }
        return pairs;
    }

    /** Every template of the module's main code, with where it is used. */
    static Map<String, List<String>> templates(Path module, List<String> faults) throws IOException {
        Map<String, List<String>> used = new TreeMap<>();
        Path root = module.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                scan(root.relativize(file).toString(), Files.readString(file), used, faults);
            }
        }
        return used;
    }

    static void scan(String name, String source, Map<String, List<String>> used, List<String> faults) {
        String code = withoutComments(source);
        Matcher m = TEXT_OF.matcher(code);
        while (m.find()) {
            String where = name + ":" + (code.substring(0, m.start()).split("\n", -1).length);
            List<String> args = arguments(code, m.end());
            String first = args.isEmpty() ? "" : args.get(0).strip();
            String template = literal(first);
            if (template == null) {
                faults.add(where + ": Text.of(" + first + ", …): the template must be one string literal, so that its Chinese can be found");
                continue;
            }
            used.computeIfAbsent(template, t -> new ArrayList<>()).add(where);
            for (String arg : args.subList(1, args.size())) {
                Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(arg);
                while (literal.find()) {
                    if (WORDS.matcher(literal.group(1)).find()) {
                        faults.add(where + ": an argument of \"" + template + "\" is English prose (" + arg.strip()
                                + "): put the words in templates of their own");
                        break;
                    }
                }
            }
        }
    }

    /** The value of a Java string literal, or null when the expression is anything else. */
    private static String literal(String expression) {
        if (expression.length() < 2 || expression.charAt(0) != '"' || expression.charAt(expression.length() - 1) != '"') {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < expression.length() - 1; i++) {
            char c = expression.charAt(i);
            if (c == '"') {
                return null; // "a" + "b"
            }
            if (c == '\\') {
                char next = expression.charAt(++i);
                switch (next) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(expression.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(next);
                }
                continue;
            }
            value.append(c);
        }
        return value.toString();
    }

    /** The top-level arguments of the call whose '(' is just before from. */
    private static List<String> arguments(String code, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(code.substring(start, i));
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(code.substring(start, i));
                start = i + 1;
            }
        }
        return args;
    }

    private static int endOfLiteral(String code, int open) {
        char quote = code.charAt(open);
        for (int i = open + 1; i < code.length(); i++) {
            if (code.charAt(i) == '\\') {
                i++;
            } else if (code.charAt(i) == quote) {
                return i;
            }
        }
        return code.length();
    }

    /** The source with its comments blanked (line breaks kept, so that line numbers stay). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' && source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = Math.min(endOfLiteral(source, i) + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
