package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The manifests and the services' configuration agree, in every overlay (rendered with {@code kubectl kustomize},
 * as k8s/check.sh renders them), derived from the rendered Deployments and the packaged applications, no list kept
 * by hand:
 * <ol type="a">
 * <li>every environment variable a Deployment's container gets (env, and the keys of the ConfigMaps and Secrets of
 * its envFrom) is read by the service: referenced as {@code ${NAME} or ${NAME:default}} in the configuration files
 * it runs with ({@link PackagedConfiguration}), or the environment form of a run-time property one of its Quarkus
 * extensions knows (their config model) or its configuration files set, or a variable of the image's launcher
 * (run-java.sh, as the service's Dockerfile.jvm documents them: JAVA_OPTS, JAVA_MAX_MEM_RATIO, ...);</li>
 * <li>every setting the prod profile requires is set by every overlay, non-empty: values of the prod profile that
 * read {@code ${NAME}} without a default, settings that the dev and local profiles take from the files and prod
 * from nowhere (the database's URL and user), and what the kit's start-up checks require (the properties an
 * {@code @Observes StartupEvent} check of the kit reads, and the settings its {@code @Readiness} checks need that
 * only the environment fills, e.g. ServiceAccountReadiness's client secret when the service's OIDC client is on),
 * each under the environment name its configured value reads.</li>
 * </ol>
 * That the services accept these names at run time is proven too: the end-to-end run starts them with their
 * manifests' environment and fails on Quarkus' "Unrecognized configuration key" ({@code ServiceLogsIT}).
 * Needs kubectl (skipped with one line without it, failed when K8S_CHECKS_REQUIRED=true, as the k8s module's
 * checks; -DskipK8sChecks skips it) and the packaged services (the reactor builds them first).
 */
class ManifestAgreementTest {

    private static final Pattern RUN_JAVA_VARIABLE = Pattern.compile("(?m)^#\\s*-\\s*([A-Z][A-Z0-9_]+):");
    private static final Pattern STARTUP_READ = Pattern.compile("getOptionalValue\\(\"([^\"]+)\",\\s*(Boolean|String)\\.class\\)");
    /** What a readiness check is given: {@code @ConfigProperty(name = "...") boolean|Optional<String> x}. */
    private static final Pattern READINESS_READ = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"[^)]*\\)\\s*(boolean|Optional<String>)");
    /** A value that is empty unless its environment variable is set: {@code ${NAME:}}. */
    private static final Pattern EMPTY_UNLESS_SET = Pattern.compile("\\$\\{[A-Z0-9_]+:}");

    @Test
    void everyVariableOfEveryOverlayIsReadAndEveryRequiredSettingIsSet() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipK8sChecks"), "manifest agreement skipped: -DskipK8sChecks");
        if (!onPath("kubectl")) {
            String line = "manifest/configuration agreement SKIPPED: kubectl not found on PATH; install kubectl 1.27+ to run it";
            if (Boolean.parseBoolean(System.getenv("K8S_CHECKS_REQUIRED"))) {
                fail(line.replace("SKIPPED", "cannot run") + " (K8S_CHECKS_REQUIRED=true)");
            }
            System.out.println("[WARNING] " + line);
            Assumptions.abort(line);
        }
        List<String> problems = new ArrayList<>();
        List<String> report = new ArrayList<>();
        Map<String, PackagedConfiguration> configurations = new HashMap<>();
        for (Map.Entry<String, Path> overlay : render().entrySet()) {
            List<JsonNode> docs = Repo.YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(overlay.getValue())).readAll();
            int deployments = 0;
            for (JsonNode deployment : docs) {
                if (!"Deployment".equals(deployment.path("kind").asText())) {
                    continue;
                }
                deployments++;
                String service = deployment.path("metadata").path("name").asText();
                String where = overlay.getKey() + "/" + service;
                if (!Files.isRegularFile(Repo.root().resolve(service).resolve("pom.xml"))) {
                    problems.add(where + ": a Deployment of no module of this repository");
                    continue;
                }
                PackagedConfiguration config = configurations.computeIfAbsent(service, PackagedConfiguration::new);
                Set<String> runJava = runJavaVariables(service);
                for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                    Map<String, String> variables = variables(container, docs, where, problems);
                    // (a) every variable is read
                    Set<String> references = config.references();
                    for (Map.Entry<String, String> variable : variables.entrySet()) {
                        String name = variable.getKey();
                        String reader = reader(name, config, references, runJava, where, problems);
                        report.add(String.format("%-22s %-45s %-40s %s", where, name, variable.getValue(), reader));
                    }
                    // (b) every required setting is set
                    for (Map.Entry<String, String> required : required(service, config).entrySet()) {
                        String value = variables.get(required.getKey());
                        if (value == null) {
                            problems.add(where + ": the prod profile needs " + required.getKey() + " (" + required.getValue() + "), which the Deployment does not set");
                        } else if (value.equals("literal \"\"")) {
                            problems.add(where + ": the prod profile needs " + required.getKey() + " (" + required.getValue() + "), which the Deployment sets empty");
                        } else {
                            report.add(String.format("%-22s %-45s required: %s", where, required.getKey(), required.getValue()));
                        }
                    }
                }
            }
            if (deployments == 0) {
                problems.add(overlay.getKey() + ": renders no Deployment");
            }
        }
        Path out = Repo.out().resolve("manifest-agreement.txt");
        Files.write(out, report, StandardCharsets.UTF_8);
        report.forEach(line -> System.out.println("[agreement] " + line));
        assertTrue(problems.isEmpty(), "manifests and configuration disagree:\n" + String.join("\n", problems) + "\n(report: " + out + ")");
    }

    /** Who reads {@code name}, or a problem. */
    private static String reader(String name, PackagedConfiguration config, Set<String> references, Set<String> runJava, String where, List<String> problems) {
        if (references.contains(name)) {
            String source = config.entries.stream().filter(e -> e.value().contains("${" + name)).map(e -> e.property() + " (" + e.source() + ")")
                    .findFirst().orElse("?");
            return "read as ${" + name + "} by " + source;
        }
        if (runJava.contains(name)) {
            return "run-java.sh, the image's launcher (Dockerfile.jvm)";
        }
        Optional<PackagedConfiguration.Known> known = config.known(name);
        if (known.isPresent()) {
            if (!known.get().runtime()) {
                problems.add(where + ": " + name + " is " + known.get().property() + ", fixed at build time (" + known.get().phase() + "): setting it at run time does nothing");
                return "BUILD TIME " + known.get().property();
            }
            return "property " + known.get().property() + " (" + known.get().extension() + ")";
        }
        Optional<String> own = config.entries.stream().map(PackagedConfiguration.Entry::property)
                .filter(p -> PackagedConfiguration.environmentForm(p).equals(name)).findFirst();
        if (own.isPresent()) {
            return "property " + own.get() + " (set in the service's configuration files)";
        }
        problems.add(where + ": " + name + " is read by nothing: no ${" + name + "} in the configuration files, no property of the"
                + " service with that environment name, not a variable of run-java.sh");
        return "NOT READ";
    }

    /**
     * What the prod profile cannot start (or work) without, as environment name -> why.
     */
    private static Map<String, String> required(String service, PackagedConfiguration config) throws IOException {
        Map<String, String> required = new TreeMap<>();
        Set<String> properties = new LinkedHashSet<>();
        config.entries.forEach(e -> properties.add(e.property()));
        // values of the prod profile that read ${NAME} without a default
        for (String property : properties) {
            config.effective(property, "prod").ifPresent(entry -> {
                for (String[] ref : PackagedConfiguration.references(entry.value())) {
                    if (ref[1].equals("required") && config.effective(ref[0], "prod").isEmpty()) {
                        required.put(ref[0].matches("[A-Z0-9_]+") ? ref[0] : PackagedConfiguration.environmentForm(ref[0]),
                                property + "=" + entry.value() + " in prod (" + entry.source() + ")");
                    }
                }
            });
        }
        // what dev and local take from the files and prod from nowhere (test takes it from its test resources)
        for (String property : properties) {
            boolean devOnly = config.entries.stream().filter(e -> e.property().equals(property))
                    .allMatch(e -> !e.profiles().isEmpty() && !e.appliesTo("prod") && !e.appliesTo("test"));
            boolean dev = config.entries.stream().anyMatch(e -> e.property().equals(property) && (e.appliesTo("dev") || e.appliesTo("local")));
            if (devOnly && dev) {
                required.put(nameFor(config, property), property + ": set for dev and local only, nothing in prod");
            }
        }
        // the kit's checks: the String properties an @Observes StartupEvent check reads, when the Boolean ones are on;
        // the Optional<String> settings a @Readiness check is given, when its boolean ones are on and nothing but the
        // environment fills them (a service missing them would never be ready)
        for (Path check : kitChecks()) {
            String source = Files.readString(check);
            List<String> conditions = new ArrayList<>();
            List<String> needed = new ArrayList<>();
            Matcher m = STARTUP_READ.matcher(source);
            while (m.find()) {
                (m.group(2).equals("Boolean") ? conditions : needed).add(m.group(1));
            }
            Matcher r = READINESS_READ.matcher(source.contains("@Readiness") ? source : "");
            while (r.find()) {
                String property = r.group(1);
                if (r.group(2).equals("boolean")) {
                    conditions.add(property);
                } else if (config.effective(property, "prod").map(e -> EMPTY_UNLESS_SET.matcher(e.value().trim()).matches()).orElse(true)) {
                    needed.add(property);
                }
            }
            boolean applies = conditions.stream().allMatch(c -> config.effective(c, "prod").map(e -> e.value().trim().equals("true")).orElse(false));
            if (applies) {
                for (String property : needed) {
                    required.put(nameFor(config, property), property + ", required in prod by " + check.getFileName()
                            + (conditions.isEmpty() ? "" : " (" + String.join(", ", conditions) + " is true)"));
                }
            }
        }
        return required;
    }

    /** The environment name a property is given by: the first ${NAME} its prod value reads, else its environment form. */
    private static String nameFor(PackagedConfiguration config, String property) {
        return config.effective(property, "prod")
                .flatMap(e -> PackagedConfiguration.references(e.value()).stream().map(r -> r[0]).filter(n -> n.matches("[A-Z0-9_]+")).findFirst())
                .orElse(PackagedConfiguration.environmentForm(property));
    }

    /** The kit's classes that check the configuration at start ({@code @Observes StartupEvent}) or for readiness. */
    private static List<Path> kitChecks() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.root().resolve("openapi/kit/src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String source = Files.readString(p);
                    return source.contains("@Observes StartupEvent") || source.contains("@Readiness");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    /** The container's environment: name -> where it comes from (env value, secretKeyRef, ConfigMap/Secret of envFrom). */
    private static Map<String, String> variables(JsonNode container, List<JsonNode> docs, String where, List<String> problems) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
            String name = from.path(from.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
            JsonNode source = docs.stream().filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.path("metadata").path("name").asText()))
                    .findFirst().orElse(null);
            if (source == null) {
                problems.add(where + ": envFrom " + kind + " " + name + " is not in the overlay, its keys cannot be checked");
                continue;
            }
            JsonNode data = source.has("stringData") ? source.path("stringData") : source.path("data");
            data.fieldNames().forEachRemaining(key -> variables.put(prefix + key,
                    kind.equals("ConfigMap") && data.path(key).asText().isEmpty() ? "literal \"\"" : kind + " " + name));
        }
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (env.has("value")) {
                variables.put(name, env.path("value").asText().isEmpty() ? "literal \"\"" : "env value");
            } else if (env.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                variables.put(name, "Secret " + ref.path("name").asText() + " key " + ref.path("key").asText());
            } else {
                variables.put(name, "valueFrom " + env.path("valueFrom").fieldNames().next());
            }
        }
        return variables;
    }

    /** The variables run-java.sh reads, as the service's Dockerfile.jvm lists them in its header. */
    private static Set<String> runJavaVariables(String service) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = RUN_JAVA_VARIABLE.matcher(Files.readString(Repo.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every overlay of k8s/overlays, rendered as k8s/check.sh renders them. */
    private static Map<String, Path> render() throws IOException, InterruptedException {
        Path out = Files.createDirectories(Repo.out().resolve("rendered"));
        Map<String, Path> rendered = new TreeMap<>();
        try (Stream<Path> overlays = Files.list(Repo.k8s().resolve("overlays"))) {
            for (Path overlay : overlays.filter(Files::isDirectory).sorted().toList()) {
                Path file = out.resolve(overlay.getFileName() + ".yaml");
                Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                        .redirectOutput(file.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
                    kubectl.destroyForcibly();
                    fail("kubectl kustomize " + overlay + " failed");
                }
                rendered.put(overlay.getFileName().toString(), file);
            }
        }
        return rendered;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, tool)).anyMatch(Files::isExecutable);
    }
}
