package cn.rescueforce.devkit.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks that need a tool outside the JDK (kubectl, Node and npm): on a developer's machine without it the check
 * is skipped with one line saying what is missing, never counted as passed; where the environment variable that
 * requires it is {@code true} (CI, .ci/run: {@code K8S_CHECKS_REQUIRED}, {@code NODE_CHECKS_REQUIRED}) it fails instead.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    /**
     * Returns when every tool is on the PATH; otherwise skips the calling test (a JUnit assumption) or, when
     * {@code requiredBy} is set to true, fails it. {@code check} names the check and {@code hint} how to get the tools.
     */
    public static void onPath(String check, String requiredBy, String hint, String... tools) {
        List<String> missing = Stream.of(tools).filter(tool -> !onPath(tool)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String line = check + " SKIPPED: " + String.join(", ", missing) + " not found on PATH; " + hint;
        if (Boolean.parseBoolean(System.getenv(requiredBy))) {
            Assertions.fail(line.replace("SKIPPED", "cannot run") + " (" + requiredBy + "=true)");
        }
        System.out.println("[WARNING] " + line);
        Assumptions.abort(line);
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, tool))
                .anyMatch(Files::isExecutable);
    }
}
