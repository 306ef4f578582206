package io.eltm.shim.cli;

import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.status.StatusReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code eltm-shim status}: what runs here. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the installed release, its health, the schema and the last operation; "
                + "first finishes or reverts an operation a killed process left behind.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    InstallOptions install;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        InstallEnvironment env = install.load();
        Engines.of(env).recover(output.stepPrinter()).ifPresent(output::recovered);
        output.status(new StatusReader(env, Clock.systemUTC()).read());
        return 0;
    }
}
