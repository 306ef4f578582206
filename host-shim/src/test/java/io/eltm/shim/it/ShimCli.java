package io.eltm.shim.it;

import io.eltm.shim.kit.SampleInstall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code eltm-shim.jar} as a real process against a sample install. */
final class ShimCli {

    /** One finished run: exit code and what it printed. */
    record Run(int exit, String stdout, String stderr) {
        /** The last line of stdout as JSON: the status object of {@code --json}. */
        JsonNode lastJson() {
            List<String> lines = stdout.lines().filter(l -> l.startsWith("{")).toList();
            try {
                return new ObjectMapper().readTree(lines.get(lines.size() - 1));
            } catch (IOException | IndexOutOfBoundsException e) {
                throw new AssertionError("no JSON status line in:\n" + stdout + "\nstderr:\n" + stderr, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final SampleInstall install;
    private final Path tmpDir;

    ShimCli(SampleInstall install) {
        this.install = install;
        this.tmpDir = install.sandbox().resolve("jvm-tmp");
    }

    static Path jar() {
        return Path.of(System.getProperty("eltm.shim.jar", "target/eltm-shim.jar")).toAbsolutePath();
    }

    /** The JVM temp dir of shim runs: a test asserts it is left empty (nothing written outside the tree). */
    Path tmpDir() {
        return tmpDir;
    }

    Run run(String... args) {
        return run(Map.of(), args);
    }

    Run run(Map<String, String> extraEnv, String... args) {
        try {
            Path out = Files.createTempFile("shim", ".out");
            Path err = Files.createTempFile("shim", ".err");
            ShimJvm.Options jvm = ShimJvm.options(jar(), true);
            Process p = start(jvm, List.of(), extraEnv, out, err, args);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("eltm-shim " + String.join(" ", args) + " did not end within 5 minutes");
            }
            ShimJvm.ended(jvm, jar(), p.exitValue());
            Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts a run without waiting, for tests that kill it. */
    Process start(Map<String, String> extraEnv, Path out, Path err, String... args) throws IOException {
        return start(List.of(), extraEnv, out, err, args);
    }

    /** Starts a run under {@code wrapper} (such as {@code strace -o FILE}) without waiting. */
    Process start(List<String> wrapper, Map<String, String> extraEnv, Path out, Path err, String... args)
            throws IOException {
        return start(ShimJvm.options(jar(), false), wrapper, extraEnv, out, err, args);
    }

    private Process start(ShimJvm.Options jvm, List<String> wrapper, Map<String, String> extraEnv, Path out, Path err,
            String... args) throws IOException {
        Files.createDirectories(tmpDir);
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(javaBin());
        cmd.addAll(jvm.args());
        cmd.addAll(List.of("-Djava.io.tmpdir=" + tmpDir, "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        if (!cmd.contains("--env-file")) {
            cmd.addAll(List.of("--env-file", install.envFile().toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("HOME", install.homeDir().toString());
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
