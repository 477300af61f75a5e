package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What k8s/base says about running a service: the literals of its {@code configMapGenerator} (the ConfigMap the
 * container reads with {@code envFrom}) and the {@code env} of its Deployment's container (values and
 * {@code secretKeyRef}s), the container's memory limit and readiness path, in the order a container sees them
 * (envFrom first, then env, which wins).
 */
record Manifests(String service, List<Variable> variables, String memoryLimit, String readinessPath) {

    /** One environment variable: a literal value, or a Secret's key. */
    record Variable(String name, String value, String secretName, String secretKey, String origin) {
        boolean fromSecret() {
            return secretName != null;
        }
    }

    static Manifests of(String service) {
        try {
            Path dir = Repo.k8s().resolve("base").resolve(service);
            JsonNode kustomization = Repo.YAML.readTree(dir.resolve("kustomization.yaml").toFile());
            JsonNode deployment = null;
            for (JsonNode doc : Repo.YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(dir.resolve("deployment.yaml"))).readAll()) {
                if ("Deployment".equals(doc.path("kind").asText())) {
                    deployment = doc;
                }
            }
            if (deployment == null) {
                throw new IllegalStateException("no Deployment in " + dir.resolve("deployment.yaml"));
            }
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            Map<String, Variable> variables = new LinkedHashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String configMap = from.path("configMapRef").path("name").asText(null);
                if (configMap == null) {
                    throw new IllegalStateException(service + ": envFrom other than a configMapRef is not supported here: " + from);
                }
                for (String literal : literals(kustomization, configMap, dir)) {
                    int eq = literal.indexOf('=');
                    String name = literal.substring(0, eq);
                    variables.put(name, new Variable(name, literal.substring(eq + 1), null, null, "ConfigMap " + configMap));
                }
            }
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                if (env.has("value")) {
                    variables.put(name, new Variable(name, env.path("value").asText(), null, null, "env"));
                } else if (!ref.isMissingNode()) {
                    variables.put(name, new Variable(name, null, ref.path("name").asText(), ref.path("key").asText(),
                            "Secret " + ref.path("name").asText() + " key " + ref.path("key").asText()));
                } else {
                    throw new IllegalStateException(service + ": unsupported env source " + env);
                }
            }
            return new Manifests(service, new ArrayList<>(variables.values()),
                    container.path("resources").path("limits").path("memory").asText(null),
                    container.path("readinessProbe").path("httpGet").path("path").asText("/q/health/ready"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> literals(JsonNode kustomization, String configMap, Path dir) {
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            if (configMap.equals(generator.path("name").asText())) {
                List<String> literals = new ArrayList<>();
                generator.path("literals").forEach(l -> literals.add(l.asText()));
                return literals;
            }
        }
        throw new IllegalStateException("no configMapGenerator " + configMap + " in " + dir.resolve("kustomization.yaml"));
    }

    /** A Kubernetes quantity such as 768Mi or 1Gi, in MiB. */
    static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new IllegalArgumentException("unsupported memory quantity " + quantity);
    }
}
