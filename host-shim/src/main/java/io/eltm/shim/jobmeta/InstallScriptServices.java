package io.eltm.shim.jobmeta;

import io.eltm.shim.env.InstallEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The install's own service scripts (contract §3): quiesce is {@code mstop-all} then {@code mstart-pgsql}
 * (or {@code pg_ctl start} when the release has none), resume is {@code mstart-all}. The scripts' output
 * goes to {@code transient/jobmeta/services.log}, named in any failure.
 */
public final class InstallScriptServices implements CutoverServices {

    private static final long SCRIPT_TIMEOUT_MINUTES = 10;

    private final InstallEnvironment environment;

    public InstallScriptServices(InstallEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void quiesce() throws IOException {
        run(List.of(script("mstop-all").toString()));
        Path pgsql = script("mstart-pgsql");
        if (Files.isExecutable(pgsql)) {
            run(List.of(pgsql.toString()));
        } else {
            run(List.of(environment.pgTool("pg_ctl"), "-D",
                    environment.installDir().resolve("server/pgsql/data").toString(), "-w", "start"));
        }
    }

    @Override
    public void resume() throws IOException {
        run(List.of(script("mstart-all").toString()));
    }

    private Path script(String name) {
        return environment.installDir().resolve("server/webserver/admin").resolve(name);
    }

    private void run(List<String> command) throws IOException {
        Path log = environment.installDir().resolve("transient/jobmeta/services.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment.variables());
        Process process = builder.start();
        try {
            if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + SCRIPT_TIMEOUT_MINUTES
                        + " minutes (output in " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " exited with " + process.exitValue() + " (output in " + log + ")");
        }
    }
}
