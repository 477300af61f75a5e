package cn.rescueforce.sdk;

import cn.rescueforce.devkit.testing.RequiredTools;
import cn.rescueforce.devkit.testing.ToolRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // the first run installs TypeScript from the npm registry; after that it takes seconds
        ToolRun.Answer build = ToolRun.run(new ProcessBuilder("bash", script.toString()).directory(script.getParent().toFile()), 10,
                "typescript/build.sh | ");
        assertEquals(0, build.exit(), "the TypeScript clients do not compile:\n" + build.output());
        for (String service : List.of("teams-api", "equipment-api", "assessment-api")) {
            assertTrue(Files.isRegularFile(sdk.resolve("target/typescript-js/target/typescript/" + service + "/index.js")),
                    service + "'s client compiled");
        }
        assertTrue(Files.isRegularFile(sdk.resolve("target/typescript-js/typescript/flow.js")), "flow.ts compiled");
    }

}
