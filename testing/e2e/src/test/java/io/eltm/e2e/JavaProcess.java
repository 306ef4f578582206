package io.eltm.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the product's jars (or another program) run as a real process, its output in a log file; killed on close. */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static Path jar(String property) {
        return Path.of(System.getProperty(property)).toAbsolutePath();
    }

    static JavaProcess start(Path jar, Path log, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return command(cmd, log, env);
    }

    /** Any other program the scenarios run beside the product (Argo CD, redis-server), the same way. */
    static JavaProcess command(List<String> cmd, Path log, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            return new JavaProcess(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", cmd), e);
        }
    }

    /** Runs to the end (at most 2 minutes); returns the exit code. */
    static int run(Path jar, Path log, Map<String, String> env, String... args) throws InterruptedException {
        try (JavaProcess p = start(jar, log, env, args)) {
            if (!p.process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError(jar.getFileName() + " " + String.join(" ", args) + " did not end in 2 minutes");
            }
            return p.process.exitValue();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
