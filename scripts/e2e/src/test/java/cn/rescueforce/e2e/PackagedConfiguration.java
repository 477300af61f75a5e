package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A service's configuration as its packaged application ({@code <service>/target/quarkus-app}) carries it: the
 * configuration files it runs with (every {@code application.properties} and
 * {@code META-INF/microprofile-config.properties} in its jars: its own file at ordinal 250, the kit's defaults and
 * any library's at 100), and the configuration properties its Quarkus extensions know (the config model each
 * extension jar ships, {@code META-INF/quarkus-config-doc/quarkus-config-model.json}, with each property's
 * environment variable and whether it can be set at run time).
 */
final class PackagedConfiguration {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:${]+)(:?)");

    /** One line of a configuration file: profiles (empty: every profile), property, raw value, ordinal. */
    record Entry(Set<String> profiles, String property, String value, int ordinal, String source) {
        boolean appliesTo(String profile) {
            return profiles.isEmpty() || profiles.contains(profile);
        }
    }

    /** A property an extension knows: its name (quoted segments are map keys), environment form, phase. */
    record Known(String property, String environmentVariable, String phase, String extension) {
        boolean runtime() {
            return "RUN_TIME".equals(phase);
        }

        /** The environment names it answers to: its own with any map key in place of the quoted segments. */
        boolean matches(String variable) {
            StringBuilder regex = new StringBuilder();
            for (String segment : segments(property)) {
                if (regex.length() > 0) {
                    regex.append('_');
                }
                regex.append(segment.startsWith("\"") ? "_[A-Z0-9_]+_" : Pattern.quote(environmentForm(segment)));
            }
            return variable.matches(regex.toString());
        }
    }

    final String service;
    final Path app;
    final List<Entry> entries = new ArrayList<>();
    final List<Known> known = new ArrayList<>();

    PackagedConfiguration(String service) {
        this.service = service;
        this.app = Repo.root().resolve(service).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " is missing: package " + service + " first (./mvnw -B verify -pl scripts/e2e -am)");
        }
        try (Stream<Path> jars = Stream.concat(Stream.concat(list(app.resolve("app")), list(app.resolve("lib/main"))), list(app.resolve("lib/boot")))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                read(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.stream().noneMatch(e -> e.source().endsWith("!application.properties"))) {
            throw new IllegalStateException(service + ": no application.properties in " + app);
        }
    }

    private static Stream<Path> list(Path dir) throws IOException {
        return Files.isDirectory(dir) ? Files.list(dir).sorted() : Stream.empty();
    }

    private void read(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry application = zip.getEntry("application.properties");
            if (application != null) {
                load(zip, application, 250, jar.getFileName() + "!application.properties");
            }
            ZipEntry defaults = zip.getEntry("META-INF/microprofile-config.properties");
            if (defaults != null) {
                load(zip, defaults, 100, jar.getFileName() + "!META-INF/microprofile-config.properties");
            }
            ZipEntry model = zip.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
            if (model != null) {
                try (InputStream in = zip.getInputStream(model)) {
                    for (JsonNode root : Repo.JSON.readTree(in).path("configRoots")) {
                        collect(root.path("items"), root.path("extension").path("artifactId").asText());
                    }
                }
            }
        }
    }

    private void load(ZipFile zip, ZipEntry entry, int ordinal, String source) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        for (String key : properties.stringPropertyNames()) {
            Set<String> profiles = new LinkedHashSet<>();
            String property = key;
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                profiles.addAll(Arrays.asList(key.substring(1, dot).split(",")));
                property = key.substring(dot + 1);
            }
            entries.add(new Entry(profiles, property, properties.getProperty(key), ordinal, source));
        }
    }

    private void collect(JsonNode items, String extension) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                collect(item.path("items"), extension);
            }
            JsonNode path = item.path("path");
            if (path.has("environmentVariable")) {
                known.add(new Known(path.path("property").asText(), path.path("environmentVariable").asText(), item.path("phase").asText(), extension));
                for (JsonNode additional : item.path("additionalPaths")) {
                    if (additional.has("property")) {
                        known.add(new Known(additional.path("property").asText(), additional.path("environmentVariable").asText(),
                                item.path("phase").asText(), extension));
                    }
                }
            }
        }
    }

    /** The names a value of the configuration files reads as {@code ${NAME} or ${NAME:default}}. */
    Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        for (Entry entry : entries) {
            Matcher m = REFERENCE.matcher(entry.value());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The value {@code property} has in {@code profile} from the files: a profile-specific line wins over a plain
     * one, then the higher ordinal (SmallRye Config's order); empty if no file sets it.
     */
    Optional<Entry> effective(String property, String profile) {
        Optional<Entry> specific = entries.stream().filter(e -> e.property().equals(property) && !e.profiles().isEmpty() && e.appliesTo(profile))
                .max((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
        if (specific.isPresent()) {
            return specific;
        }
        return entries.stream().filter(e -> e.property().equals(property) && e.profiles().isEmpty())
                .max((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
    }

    /** The names {@code value} reads without a default ({@code ${NAME}}), and with one. */
    static List<String[]> references(String value) {
        List<String[]> refs = new ArrayList<>();
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            refs.add(new String[] {m.group(1), m.group(2).isEmpty() ? "required" : "default"});
        }
        return refs;
    }

    Optional<Known> known(String variable) {
        return known.stream().filter(k -> k.matches(variable)).findFirst();
    }

    /** The environment form of a property name (SmallRye Config): every character but letters and digits becomes _. */
    static String environmentForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** A property name's segments, quoted map keys kept whole. */
    static List<String> segments(String property) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : property.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '.' && !quoted) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }
}
