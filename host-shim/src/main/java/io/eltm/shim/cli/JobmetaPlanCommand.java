package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.Database;

import io.eltm.shim.ExitCode;
import io.eltm.shim.jobmeta.ImportPlan;
import io.eltm.shim.jobmeta.JobmetaImporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code jobmeta plan FILE}: what an import would do on this install; changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Checks FILE and shows, per table, how legacy columns land on this install: renamed, cast, "
                + "computed, dropped, defaulted; the time zone of zone-less timestamps; and what would make the import "
                + "refuse, from the schema and every row (exit 3). Changes nothing, stops nothing.")
final class JobmetaPlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InstallOptions install;

    @Mixin
    JobmetaTranslationOptions translation;

    @Mixin
    JobmetaTargetOptions target;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(names = "--json", description = "Print the plan as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() {
        return JobmetaRun.run(spec, json, () -> {
            ImportPlan plan = new JobmetaImporter(new JobmetaProgress(spec.commandLine().getErr()), Clock.systemUTC())
                    .plan(file, Database.of(install.load()), translation.rules(), target.sourceTimeZone(),
                            target.merge);
            spec.commandLine().getOut().print(plan.render());
            spec.commandLine().getOut().flush();
            if (json) {
                JobmetaRun.printJson(spec, plan);
            }
            // an unrunnable plan is the answer to "would it refuse?": the import would exit 3 too
            return plan.runnable() ? ExitCode.DONE : ExitCode.REFUSED;
        });
    }
}
