package io.eltm.shim.service;

import io.eltm.shim.env.InstallEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the install's own service scripts (contract §3) with the sourced environment. The scripts
 * come from {@code server/webserver/admin/} of whichever release is in place at the moment of the
 * call: after a swap, the new release's scripts start the new release.
 */
public final class ServiceScripts {

    private static final int OUTPUT_TAIL = 4000;

    private final InstallEnvironment env;
    private final Duration timeout;

    public ServiceScripts(InstallEnvironment env, Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    public Path adminDir() {
        return env.installDir().resolve("server/webserver/admin");
    }

    public ScriptResult stopAll() {
        return run("mstop-all");
    }

    public ScriptResult startAll() {
        return run("mstart-all");
    }

    public ScriptResult showProcesses() {
        return run("show-mprocess");
    }

    /** {@code show-mprocess}, killed if it runs past {@code limit}. */
    public ScriptResult showProcesses(Duration limit) {
        return run("show-mprocess", limit);
    }

    /** Postgres alone: {@code mstart-pgsql}, or {@code pg_ctl start} when the release has none. */
    public ScriptResult startPostgres() {
        if (postgresRunning()) {
            return new ScriptResult("mstart-pgsql", 0, "already running");
        }
        if (Files.isExecutable(adminDir().resolve("mstart-pgsql"))) {
            return run("mstart-pgsql");
        }
        return exec("pg_ctl start", List.of(env.pgTool("pg_ctl"), "-D", dataDir().toString(), "-w",
                "-l", env.installDir().resolve("transient/pgsql-start.log").toString(), "start"));
    }

    /** True when the audit DB's postmaster answers {@code pg_ctl status}. */
    public boolean postgresRunning() {
        return exec("pg_ctl status", List.of(env.pgTool("pg_ctl"), "-D", dataDir().toString(), "status")).ok();
    }

    private Path dataDir() {
        return env.installDir().resolve("server/pgsql/data");
    }

    /** Runs one of the install's admin scripts by name, such as {@code mstart-pgsql}; failures are in the result. */
    public ScriptResult run(String script) {
        return run(script, timeout);
    }

    private ScriptResult run(String script, Duration limit) {
        Path file = adminDir().resolve(script);
        if (!Files.isRegularFile(file)) {
            return new ScriptResult(script, 127, file + " does not exist");
        }
        return exec(script, List.of("bash", file.toString()), limit);
    }

    private ScriptResult exec(String name, List<String> command) {
        return exec(name, command, timeout);
    }

    private ScriptResult exec(String name, List<String> command, Duration limit) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(env.installDir().toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env.variables());
        try {
            Path log = Files.createTempFile("eltm-shim-" + name.replace(' ', '-'), ".log");
            try {
                pb.redirectOutput(log.toFile());
                Process p = pb.start();
                p.getOutputStream().close();
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return new ScriptResult(name, 124, "timed out after " + limit.toMillis() + " ms; " + tail(log));
                }
                return new ScriptResult(name, p.exitValue(), tail(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("while running " + name + " in " + env.installDir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScriptResult(name, 130, "interrupted");
        }
    }

    private static String tail(Path log) throws IOException {
        String out = Files.readString(log, StandardCharsets.UTF_8).strip();
        return out.length() <= OUTPUT_TAIL ? out : "…" + out.substring(out.length() - OUTPUT_TAIL);
    }
}
