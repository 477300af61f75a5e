package cn.rescueforce.devkit.testing;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tool the checks run (a shell script, node) to its end, with a time limit that holds: its output goes to a file
 * rather than a pipe read line by line, so a tool that hangs with its output open is stopped when the time is up.
 */
public final class ToolRun {

    /** The tool's exit status and everything it printed (standard output and error, interleaved). */
    public record Answer(int exit, String output) {
    }

    private ToolRun() {
    }

    /**
     * Runs the command for at most {@code minutes}; past them it is destroyed and the calling test fails with what it
     * printed. The output is echoed line by line with {@code echoPrefix} in front when that is not null.
     */
    public static Answer run(ProcessBuilder builder, int minutes, String echoPrefix) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tool-run", ".log");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (echoPrefix != null) {
                output.lines().forEach(line -> System.out.println(echoPrefix + line));
            }
            if (!finished) {
                Assertions.fail(builder.command() + " did not finish within " + minutes + " min:\n" + output);
            }
            return new Answer(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
