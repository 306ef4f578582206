package io.eltm.shim.cli;

import io.eltm.shim.env.EnvironmentLoader;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.env.RootGuard;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Options every install-facing command takes (contract §2): which env file, which install. */
public final class InstallOptions {

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Environment file to source instead of ~/.env_integrator (FILE.paths is sourced first if present).")
    Path envFile;

    @Option(names = "--install-dir", paramLabel = "DIR", description = "The install tree; overrides ISERVER_HOME.")
    Path installDir;

    /** Refuses root, then sources the environment: the first thing every command does. */
    public InstallEnvironment load() {
        RootGuard.refuseRoot();
        return new EnvironmentLoader(System.getenv())
                .load(envFile != null ? envFile : EnvironmentLoader.defaultEnvFile(), Optional.ofNullable(installDir));
    }
}
