package io.eltm.shim.kit;

import io.eltm.shim.service.ScriptResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end with a deadline. Output goes to a temporary file rather than a pipe, so
 * a command that leaves a background child holding its stdout, or one that hangs, cannot block the
 * caller past the deadline.
 */
final class ProcessRunner {

    private ProcessRunner() {
    }

    /**
     * @param environment   the whole environment of the command, or null to inherit this JVM's
     * @param what          names the act in error messages ("initdb of /x/data")
     * @return the exit code and the merged stdout and stderr
     * @throws IllegalStateException when the command does not finish in time (it is killed)
     */
    static ScriptResult run(List<String> command, Map<String, String> environment, Duration timeout, String what) {
        Path output = null;
        try {
            output = Files.createTempFile("eltm-kit-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout.toSeconds() + " s: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new ScriptResult(what, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** As {@link #run}, throwing with the command's output when it exits non-zero. */
    static ScriptResult runOrThrow(List<String> command, Map<String, String> environment, Duration timeout,
                                   String what) {
        ScriptResult result = run(command, environment, timeout, what);
        if (!result.ok()) {
            throw new IllegalStateException(what + " failed with exit " + result.exitCode() + ":\n" + result.output());
        }
        return result;
    }
}
