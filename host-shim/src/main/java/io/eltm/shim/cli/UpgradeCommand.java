package io.eltm.shim.cli;

import io.eltm.shim.engine.OperationOptions;
import io.eltm.shim.engine.OperationRequest;
import io.eltm.shim.engine.UpgradeEngine;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.status.LastOperation;
import io.eltm.shim.status.StatusReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code eltm-shim upgrade}: the in-place upgrade (contract §6, §7). */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Upgrades the install in place: everything that can happen while services run first, then "
                + "stop, swap by rename, migrate, start and verify; any failure after the stop is rolled back.",
                "Exit: 0 done, 2 usage, 3 refused (nothing changed), 4 failed and rolled back, 5 failed, not recovered."})
final class UpgradeCommand implements Callable<Integer> {

    @Mixin
    InstallOptions install;

    @Mixin
    OutputOptions output;

    @Mixin
    ReleaseOptions release;

    @Parameters(index = "0", paramLabel = "TARBALL|URL", description = "eltm-portable-<VERSION>.tar.gz, or an http(s) URL.")
    String source;

    @Option(names = "--no-rollback", description = "On failure leave the install as it is for inspection; "
            + "`eltm-shim rollback` reverts it later.")
    boolean noRollback;

    @Spec
    CommandSpec spec;

    private Duration healthTimeout = OperationOptions.DEFAULT_HEALTH_TIMEOUT;

    @Option(names = "--health-timeout", paramLabel = "SECONDS",
            description = "How long the new release has to become healthy (default: 180).")
    void healthTimeout(int seconds) {
        if (seconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--health-timeout must be a positive number of seconds, got "
                    + seconds);
        }
        healthTimeout = Duration.ofSeconds(seconds);
    }

    @Override
    public Integer call() {
        InstallEnvironment env = install.load();
        UpgradeEngine engine = Engines.of(env);
        StepPrinter printer = output.stepPrinter();
        engine.recover(printer).ifPresent(output::recovered);
        OperationOptions options = new OperationOptions(release.allowDowngrade, release.baseline, noRollback,
                healthTimeout);
        LastOperation op = engine.run(OperationRequest.upgrade(UUID.randomUUID().toString(), source,
                Optional.ofNullable(release.sha256()), options), printer);
        output.outcome(op);
        output.status(new StatusReader(env, Clock.systemUTC()).read());
        return ExitCodes.of(op.result());
    }
}
