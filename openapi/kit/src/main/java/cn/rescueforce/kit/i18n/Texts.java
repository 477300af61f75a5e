package cn.rescueforce.kit.i18n;

import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message catalogue: the Chinese template of every English {@link Text} template. Each module keeps its own in
 * {@value #RESOURCE} (the kit its messages, each service its own), read from every jar of the class path, in pairs of
 * lines:
 *
 * <pre>
 * en: No {0} {1}
 * zh: {0} {1} 不存在
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are ignored. The Chinese template uses the same {@code {n}}
 * placeholders. A template without a Chinese one is rendered in English (and logged once); the catalogue test of the
 * openapi module ({@code TextCatalogueTest}) fails the build long before.
 */
public final class Texts {

    public static final String RESOURCE = "META-INF/rescue-force/texts-zh.txt";
    private static final Logger LOG = Logger.getLogger(Texts.class);
    private static volatile Map<String, String> chinese;
    private static final Set<String> MISSING_LOGGED = ConcurrentHashMap.newKeySet();

    private Texts() {
    }

    /** The template in the language: the English template itself for English, the catalogue's for Chinese. */
    public static Optional<String> translation(String template, Language language) {
        if (language == Language.EN) {
            return Optional.of(template);
        }
        String found = chinese().get(template);
        if (found == null && MISSING_LOGGED.size() < 1000 && MISSING_LOGGED.add(template)) {
            LOG.warnf("no Chinese text for \"%s\" in %s", template, RESOURCE);
        }
        return Optional.ofNullable(found);
    }

    /** Every pair of the catalogues on the class path, English template to Chinese template. */
    public static Map<String, String> chinese() {
        Map<String, String> loaded = chinese;
        if (loaded == null) {
            synchronized (Texts.class) {
                if (chinese == null) {
                    chinese = load();
                }
                loaded = chinese;
            }
        }
        return loaded;
    }

    private static Map<String, String> load() {
        Map<String, String> all = new LinkedHashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Texts.class.getClassLoader();
        try {
            Enumeration<URL> resources = loader.getResources(RESOURCE);
            for (URL url : Collections.list(resources)) {
                try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                    all.putAll(parse(reader, url.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(all);
    }

    /** One catalogue file: its pairs in order; a line that is neither a comment nor a pair is an error naming it. */
    public static Map<String, String> parse(Reader source, String name) throws IOException {
        Map<String, String> pairs = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(source);
        String en = null;
        int number = 0;
        int enLine = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (en == null && line.startsWith("en: ")) {
                en = line.substring(4).strip();
                enLine = number;
            } else if (en != null && line.startsWith("zh: ")) {
                String zh = line.substring(4).strip();
                if (pairs.put(en, zh) != null) {
                    throw new IllegalArgumentException(name + ":" + enLine + ": \"" + en + "\" is there twice");
                }
                en = null;
            } else {
                throw new IllegalArgumentException(name + ":" + number + ": expected " + (en == null ? "\"en: \"" : "\"zh: \"")
                        + " and the template, found: " + line);
            }
        }
        if (en != null) {
            throw new IllegalArgumentException(name + ":" + enLine + ": \"" + en + "\" has no \"zh: \" line");
        }
        return pairs;
    }
}
