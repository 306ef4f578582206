package io.eltm.shim.kit;

import io.eltm.shim.env.EnvironmentLoader;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.HealthResponse;
import io.eltm.shim.service.ScriptResult;
import io.eltm.shim.service.ServiceScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A working ELTM install in a sandbox directory, made from a release tarball the way a first install
 * does, with real services: PostgreSQL from {@link PostgresBinaries} and the meta-service stand-in,
 * both started by the install's own {@code mstart-all}. It runs the scripts and probes the health URL
 * with the product's own {@link ServiceScripts} and {@link HealthProbe}, as the shim does.
 *
 * <pre>
 * sandbox/
 *   home/.env_integrator, home/.env_integrator.paths   (mode 0600)
 *   iserver/                                            ISERVER_HOME
 * </pre>
 *
 * <p>Always close it (try-with-resources, {@code @AfterAll}): {@link #close()} stops the services,
 * kills whatever of them survived, and deletes the sandbox. A JVM shutdown hook kills leftover
 * services if the JVM exits before that.
 */
public final class SampleInstall implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleInstall.class);

    private static final Duration SERVING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Path sandbox;
    private final SandboxLayout layout;
    private final SandboxProcesses processes;
    private final SampleDatabase database;
    private ServiceScripts scripts; // once the env file exists
    private HealthProbe probe;

    private SampleInstall(Path sandbox, SandboxLayout layout) {
        this.sandbox = sandbox;
        this.layout = layout;
        this.processes = new SandboxProcesses(layout.installDir());
        this.database = new SampleDatabase(layout.installDir(), layout.pgUser(), layout.pgPort());
    }

    /** First install of {@code releaseTarball} into {@code sandbox} (created if missing), services started. */
    public static SampleInstall create(Path sandbox, Path releaseTarball) {
        return create(sandbox, releaseTarball, PostgresBinaries.inUserCache().binDir());
    }

    /** As {@link #create(Path, Path)}, with PostgreSQL binaries from {@code pgBin}. */
    public static SampleInstall create(Path sandbox, Path releaseTarball, Path pgBin) {
        Path absolute = sandbox.toAbsolutePath().normalize();
        SampleInstall install = new SampleInstall(absolute, SandboxLayout.allocate(absolute, pgBin));
        install.processes.killOnJvmExit();
        try {
            install.firstInstall(releaseTarball, pgBin);
            return install;
        } catch (RuntimeException e) {
            try {
                install.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void firstInstall(Path releaseTarball, Path pgBin) {
        new FirstInstall(layout.installDir(), pgBin, database, this::scripts).install(releaseTarball, () -> {
            Files.createDirectories(layout.home());
            layout.writeEnvFiles();
        });
        long started = System.nanoTime();
        start();
        LOG.info("sample install {}: mstart-all took {} ms", sandbox.getFileName(), (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code mstart-all}, then waits until the meta-service answers (200 or not) on the health URL. */
    public void start() {
        runOrThrow("mstart-all");
        awaitServing();
    }

    /** {@code mstop-all}. */
    public void stop() {
        runOrThrow("mstop-all");
    }

    /** Runs one of {@code server/webserver/admin/*} with the sourced environment; failures are in the result. */
    public ScriptResult runScript(String name) {
        return scripts().run(name);
    }

    /** {@code show-mprocess}: exit 0 when all services run. */
    public ScriptResult showMprocess() {
        return scripts().showProcesses();
    }

    /**
     * GET of the health URL, as the shim's probe does it (the self-signed certificate not verified).
     *
     * @throws UncheckedIOException when nothing answers (connection refused, TLS failure, timeout)
     */
    public HealthResponse healthResponse() {
        scripts();
        HealthResponse response = probe.fetch(PROBE_TIMEOUT);
        if (!response.answered()) {
            throw new UncheckedIOException(new IOException("no answer from the health URL " + layout.healthUrl()
                    + ": " + response.body()));
        }
        return response;
    }

    private void runOrThrow(String script) {
        FirstInstall.runOrThrow(scripts(), script);
    }

    /** The product's scripts and probe, on the environment the env file gives a login-less bash. */
    private synchronized ServiceScripts scripts() {
        if (scripts == null) {
            Map<String, String> login = Map.of("HOME", layout.home().toString(), "PATH", "/usr/local/bin:/usr/bin:/bin",
                    "LANG", "C.UTF-8", "USER", System.getProperty("user.name"));
            InstallEnvironment env = new EnvironmentLoader(login).load(layout.envFile(), Optional.empty());
            scripts = new ServiceScripts(env, SCRIPT_TIMEOUT);
            probe = new HealthProbe(scripts, env.healthUrl(), Clock.systemUTC());
        }
        return scripts;
    }

    public ServicePids servicePids() {
        return processes.servicePids();
    }

    public Path sandbox() {
        return sandbox;
    }

    /** {@code ISERVER_HOME}. */
    public Path installDir() {
        return layout.installDir();
    }

    /** {@code ~/.env_integrator} of the sandbox user ({@code sandbox/home}). */
    public Path envFile() {
        return layout.envFile();
    }

    /** The sandbox user's home, holding the env files: use it as {@code HOME} when running the shim. */
    public Path homeDir() {
        return layout.home();
    }

    public URI healthUrl() {
        return layout.healthUrl();
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** The audit DB user ({@code PGUSER}: the user running this JVM; trust auth, no password). */
    public String dbUser() {
        return layout.pgUser();
    }

    /**
     * Stops the services with {@code mstop-all}, kills any of the sandbox's processes still alive
     * (the scripts may be broken by the test that used this install), and deletes the sandbox.
     */
    @Override
    public void close() {
        List<ProcessHandle> services = processes.serviceProcesses();
        if (Files.isExecutable(layout.installDir().resolve("server/webserver/admin/mstop-all"))
                && Files.isRegularFile(layout.envFile())) {
            // best effort: whatever it leaves running is killed just below, which is what close() promises
            scripts().stopAll();
        }
        processes.killAll(services);
        processes.cancelKillOnJvmExit();
        try {
            FileTrees.deleteRecursively(sandbox);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the sample install at " + sandbox + ": "
                    + e.getMessage(), e);
        }
    }

    private void awaitServing() {
        long deadline = System.nanoTime() + SERVING_TIMEOUT.toNanos();
        while (true) {
            try {
                healthResponse();
                return;
            } catch (UncheckedIOException notYet) {
                if (processes.servicePids().metaService().isEmpty() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the meta-service of " + layout.installDir() + " did not answer "
                            + layout.healthUrl() + " within " + SERVING_TIMEOUT.toSeconds() + " s (see data/log/"
                            + "meta-service.log): " + notYet.getMessage(), notYet);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // a poll interval: the stand-in starts in well under a second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the meta-service", e);
        }
    }
}
