package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The title of each problem type in both languages, as the catalogue {@code x-problem-catalogue} of common.yaml has them
 * ({@code title}, {@code titleZh}); the kit's jar carries a copy of common.yaml ({@value #RESOURCE}). The English title
 * comes from the code, which the openapi module's {@code ProblemCatalogueTest} keeps equal to the catalogue's; the
 * Chinese one is read here, so the catalogue is its one source.
 */
public final class ProblemTitles {

    static final String RESOURCE = "META-INF/rescue-force/common.yaml";
    private static volatile Map<String, String> chinese;

    private ProblemTitles() {
    }

    /** The title of the type ({@code validation}, or its full URI) in the language; English when none is catalogued. */
    public static String of(String type, String englishTitle, Language language) {
        if (language == Language.EN || type == null) {
            return englishTitle;
        }
        String name = type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : type;
        return chinese().getOrDefault(name, englishTitle);
    }

    /** Every catalogued type's Chinese title. */
    public static Map<String, String> chinese() {
        Map<String, String> loaded = chinese;
        if (loaded == null) {
            synchronized (ProblemTitles.class) {
                if (chinese == null) {
                    chinese = load();
                }
                loaded = chinese;
            }
        }
        return loaded;
    }

    private static Map<String, String> load() {
        ClassLoader loader = ProblemTitles.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kit");
            }
            return Map.copyOf(parse(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code titleZh} of each entry of the catalogue, read line by line: the entries are the keys one level below
     * {@code x-problem-catalogue:}, their fields one level further (the layout common.yaml keeps).
     */
    static Map<String, String> parse(Reader source) throws IOException {
        Map<String, String> titles = new HashMap<>();
        BufferedReader lines = new BufferedReader(source);
        int catalogueIndent = -1;
        int entryIndent = -1;
        String entry = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String text = line.strip();
            if (catalogueIndent < 0) {
                if (text.equals("x-problem-catalogue:")) {
                    catalogueIndent = indent;
                }
                continue;
            }
            if (indent <= catalogueIndent) {
                break;
            }
            if (entryIndent < 0) {
                entryIndent = indent;
            }
            if (indent == entryIndent && text.endsWith(":")) {
                entry = text.substring(0, text.length() - 1);
            } else if (indent > entryIndent && entry != null && text.startsWith("titleZh:")) {
                titles.put(entry, unquoted(text.substring("titleZh:".length()).strip()));
            }
        }
        return titles;
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
