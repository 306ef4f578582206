package io.eltm.shim.agent;

import io.eltm.shim.kit.SampleInstall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar eltm-shim.jar agent ...} as a real process against a sample install; killed on close. */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AgentProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static AgentProcess start(SampleInstall install, Path kubeconfig, String host, String namespace,
                              Map<String, String> extraEnv, String logName) {
        return start(install, kubeconfig, List.of("--host", host, "--namespace", namespace), extraEnv, logName);
    }

    /** {@code identityArgs}: {@code --host}/{@code --namespace} as given, or none (taken from the credential). */
    static AgentProcess start(SampleInstall install, Path kubeconfig, List<String> identityArgs,
                              Map<String, String> extraEnv, String logName) {
        Path jar = Path.of(System.getProperty("eltm.shim.jar", "target/eltm-shim.jar")).toAbsolutePath();
        Path tmp = install.sandbox().resolve("jvm-tmp");
        Path log = install.sandbox().resolve(logName);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(), "agent", "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(identityArgs);
        cmd.addAll(List.of("--report-interval", "2", "--env-file", install.envFile().toString()));
        try {
            Files.createDirectories(tmp);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("HOME", install.homeDir().toString());
            pb.environment().remove("ELTM_SHIM_HALT_AT");
            pb.environment().putAll(extraEnv);
            return new AgentProcess(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", cmd), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the agent logged so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent's log " + log, e);
        }
    }

    /** Waits for the agent to exit on its own; returns the exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the agent did not exit within 60 s:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd stops it; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the agent did not stop within 60 s of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGKILL: the agent dies wherever it is. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Kills the agent if it still runs and prints its log into the test's output, for the report. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        System.out.println("--- " + log.getFileName() + "\n" + log());
    }
}
