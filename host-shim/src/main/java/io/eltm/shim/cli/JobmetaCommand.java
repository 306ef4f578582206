package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code eltm-shim jobmeta}: carry job metadata from a legacy install to a fresh one (docs/cutover.md). */
@Command(name = "jobmeta", mixinStandardHelpOptions = true,
        description = "Major-version cutover: export job metadata on the legacy host, plan, import and verify "
                + "it on the new one.",
        subcommands = {JobmetaExportCommand.class, JobmetaPlanCommand.class, JobmetaImportCommand.class,
                JobmetaVerifyCommand.class})
public final class JobmetaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
