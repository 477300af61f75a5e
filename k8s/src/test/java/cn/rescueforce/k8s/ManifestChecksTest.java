package cn.rescueforce.k8s;

import cn.rescueforce.devkit.testing.RequiredTools;
import cn.rescueforce.devkit.testing.ToolRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifest checks of k8s/check.sh (k8s/README.md, "Checks") as a test of the build, so that its summary says
 * whether they ran: they need kubectl and Node, and on a machine without them the test is skipped with one line
 * saying what is missing, never counted as passed. CI (.ci/run) installs both and sets
 * {@code K8S_CHECKS_REQUIRED=true}, which turns a missing tool into a failure.
 */
class ManifestChecksTest {

    private static final List<String> TOOLS = List.of("kubectl", "node", "npm");

    @Test
    void everyOverlayRendersAndPassesTheSchemasAndTheProjectRules() throws IOException, InterruptedException {
        Assumptions.assumeFalse(Boolean.getBoolean("skipK8sChecks"), "manifest checks skipped: -DskipK8sChecks");
        RequiredTools.onPath("manifest checks (k8s/check.sh)", "K8S_CHECKS_REQUIRED", "install kubectl 1.27+ and Node 18+ to run them", "kubectl", "node", "npm");

        Path k8s = Path.of(System.getProperty("rescue-force.k8s.dir", ".")).toAbsolutePath().normalize();
        Path script = k8s.resolve("check.sh");
        assertTrue(Files.isRegularFile(script), "no " + script);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(k8s.toFile());
        builder.environment().put("K8S_CHECK_OUT", System.getProperty("rescue-force.k8s.out", k8s.resolve("target/rendered").toString()));
        // the first run installs the validator's npm packages; after that it takes seconds
        ToolRun.Answer check = ToolRun.run(builder, 10, "k8s/check.sh | ");
        assertEquals(0, check.exit(), "k8s/check.sh found problems:\n" + check.output());
    }

}
