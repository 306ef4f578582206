package io.eltm.shim.cli;

import io.eltm.shim.env.EnvironmentLoader;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.jobmeta.Database;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The install a jobmeta command works on, from its sourced environment (contract §2). */
final class JobmetaInstallOptions {

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "The install's environment file (default: ~/.env_integrator).")
    Path envFile;

    @Option(names = "--install-dir", paramLabel = "DIR", description = "Overrides ISERVER_HOME.")
    Path installDir;

    InstallEnvironment load() {
        return new EnvironmentLoader(System.getenv())
                .load(envFile == null ? EnvironmentLoader.defaultEnvFile() : envFile, Optional.ofNullable(installDir));
    }

    static Database database(InstallEnvironment environment) {
        return new Database(environment.jdbcUrl(), environment.pgUser(), environment.pgPassword());
    }
}
