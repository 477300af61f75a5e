package cn.rescueforce.openapi;

import cn.rescueforce.devkit.testing.RequiredTools;
import cn.rescueforce.devkit.testing.ToolRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        // the first run installs Spectral's npm packages (pinned by lint/package-lock.json); then seconds
        ToolRun.Answer lint = ToolRun.run(new ProcessBuilder("bash", script.toString(), contract).directory(script.getParent().toFile()), 10, "");
        assertEquals(0, lint.exit(), "Spectral found errors in openapi/" + contract + ".yaml:\n" + lint.output());
    }

}
