package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        String jar = System.getProperty("eltm.shim.jar");
        if (jar == null) {
            throw new IllegalStateException("system property eltm.shim.jar is not set: run this test with failsafe");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(args);
        int run = ++runs;
        Path out = workDir.resolve("run-" + run + ".out");
        Path err = workDir.resolve("run-" + run + ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("eltm-shim " + args + " did not finish within 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
