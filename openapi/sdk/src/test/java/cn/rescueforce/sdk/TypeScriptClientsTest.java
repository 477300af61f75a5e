package cn.rescueforce.sdk;

import cn.rescueforce.devkit.testing.RequiredTools;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The TypeScript clients generated from the three contracts (target/typescript/SERVICE) and the sample flow that uses
 * them (typescript/flow.ts) compile with {@code tsc --strict} (typescript/build.sh). They need Node and npm: on a
 * machine without them the test is skipped with one line saying so, never counted as passed; CI (.ci/run) installs
 * Node and sets {@code NODE_CHECKS_REQUIRED=true}, which turns a missing tool into a failure.
 * (The Java clients are compiled by the module's build itself.)
 */
class TypeScriptClientsTest {

    @Test
    void theGeneratedClientsAndTheSampleFlowCompileStrict() throws IOException, InterruptedException {
        RequiredTools.onPath("TypeScript clients (openapi/sdk/typescript/build.sh)", "NODE_CHECKS_REQUIRED", "install Node 18+ and npm to compile them", "node", "npm");

        Path sdk = Path.of(System.getProperty("rescue-force.sdk.dir", ".")).toAbsolutePath().normalize();
        Path script = sdk.resolve("typescript/build.sh");
        assertTrue(Files.isRegularFile(script), "no " + script);
        Process build = new ProcessBuilder("bash", script.toString()).directory(script.getParent().toFile())
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("typescript/build.sh | " + line);
                output.append(line).append('\n');
            }
        }
        // the first run installs TypeScript from the npm registry; after that it takes seconds
        if (!build.waitFor(10, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            fail("typescript/build.sh did not finish within 10 minutes");
        }
        assertEquals(0, build.exitValue(), "the TypeScript clients do not compile:\n" + output);
        for (String service : List.of("teams-api", "equipment-api", "assessment-api")) {
            assertTrue(Files.isRegularFile(sdk.resolve("target/typescript-js/target/typescript/" + service + "/index.js")),
                    service + "'s client compiled");
        }
        assertTrue(Files.isRegularFile(sdk.resolve("target/typescript-js/typescript/flow.js")), "flow.ts compiled");
    }

}
