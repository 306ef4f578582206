package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.Database;

import io.eltm.shim.ExitCode;
import io.eltm.shim.jobmeta.JobmetaVerifier;
import io.eltm.shim.jobmeta.VerificationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code jobmeta verify FILE}: exit 0 on parity, 5 on any mismatch (a person must act). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks this install against FILE: row counts of every copied table, every non-empty "
                + "watermark, the version sequence past max(version_key). Exit 0 on parity, 5 on any mismatch.")
final class JobmetaVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InstallOptions install;

    @Mixin
    JobmetaTranslationOptions translation;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export file the import loaded.")
    Path file;

    @Option(names = "--json", description = "Print the report as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() {
        return JobmetaRun.run(spec, json, () -> {
            VerificationReport report = new JobmetaVerifier(new JobmetaProgress(spec.commandLine().getErr()),
                    Clock.systemUTC()).verify(file, Database.of(install.load()), translation.rules());
            spec.commandLine().getOut().print(report.render());
            spec.commandLine().getOut().flush();
            if (json) {
                JobmetaRun.printJson(spec, report);
            }
            return report.passed() ? ExitCode.DONE : ExitCode.FAILED;
        });
    }
}
