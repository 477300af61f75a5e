package cn.rescueforce.openapi;

import cn.rescueforce.devkit.testing.RequiredTools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Spectral with the OpenAPI recommended rules ({@code spectral:oas}) and the OWASP API security ruleset on every
 * contract (openapi/lint/lint.sh, ruleset openapi/lint/.spectral.yaml, where a rule that does not fit this API is
 * turned off with its reason): 0 errors. It needs Node and npm; on a machine without them the test is skipped with
 * one line saying so, never counted as passed. CI (.ci/run) installs them and sets {@code NODE_CHECKS_REQUIRED=true},
 * which turns a missing tool into a failure.
 */
class ContractLintTest {

    static Stream<String> contracts() {
        return Stream.of("common", "teams-api", "equipment-api", "assessment-api");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theOasAndOwaspRulesetsFindNoError(String contract) throws IOException, InterruptedException {
        RequiredTools.onPath("contract lint (openapi/lint/lint.sh)", "NODE_CHECKS_REQUIRED", "install Node 18+ and npm to run it", "node", "npm");
        Path script = Path.of("lint", "lint.sh").toAbsolutePath();
        Process lint = new ProcessBuilder("bash", script.toString(), contract)
                .directory(script.getParent().toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(lint.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        // the first run installs Spectral's npm packages (pinned by lint/package-lock.json); then seconds
        if (!lint.waitFor(10, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            fail("openapi/lint/lint.sh did not finish within 10 minutes");
        }
        System.out.print(output);
        assertEquals(0, lint.exitValue(), "Spectral found errors in openapi/" + contract + ".yaml:\n" + output);
    }

}
