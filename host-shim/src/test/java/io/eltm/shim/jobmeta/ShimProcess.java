package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code eltm-shim.jar} as a real process, as a person or the agent would. */
final class ShimProcess {

    private final Path workDir;
    private int runs;

    ShimProcess(Path workDir) {
        this.workDir = workDir;
    }

    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    Result run(List<String> args) throws IOException, InterruptedException {
        return run(List.of(), Map.of(), args);
    }

    /** A command line as a person would paste it after {@code eltm-shim}, run by bash. */
    Result runShell(String arguments) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return start(List.of("bash", "-c", "exec '" + java + "' -jar '" + jar() + "' " + arguments), Map.of());
    }

    /** With JVM options (e.g. {@code -Duser.timezone=...}) and environment variables (e.g. {@code TZ}). */
    Result run(List<String> jvmOptions, Map<String, String> environment, List<String> args)
            throws IOException, InterruptedException {
        String jar = jar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        command.addAll(args);
        return start(command, environment);
    }

    private static String jar() {
        String jar = System.getProperty("eltm.shim.jar");
        if (jar == null) {
            throw new IllegalStateException("system property eltm.shim.jar is not set: run this test with failsafe");
        }
        return jar;
    }

    private Result start(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        int run = ++runs;
        Path out = workDir.resolve("run-" + run + ".out");
        Path err = workDir.resolve("run-" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
