package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are: the checkout (system property {@code rescue-force.root}) and this module's target/. */
final class Repo {

    static final List<String> SERVICES = List.of("teams-api", "equipment-api", "assessment-api");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Repo() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("rescue-force.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("k8s/base/keycloak/realm-rescue-force.json"))) {
            throw new IllegalStateException("the checkout is not at " + root + " (set -Drescue-force.root)");
        }
        return root;
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    /** This module's target/ (logs, working directories, rendered overlays). */
    static Path out() {
        return Path.of(System.getProperty("rescue-force.out", "target")).toAbsolutePath().normalize();
    }

    static Path logs() {
        try {
            return Files.createDirectories(out().resolve("e2e-logs"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
