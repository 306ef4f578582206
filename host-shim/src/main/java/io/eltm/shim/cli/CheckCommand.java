package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;
import io.eltm.shim.engine.CheckReport;
import io.eltm.shim.engine.ReleaseCheck;
import io.eltm.shim.engine.RemovedFiles;
import io.eltm.shim.env.InstallEnvironment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code eltm-shim check}: the upgrade's checks only; changes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validates a release against this install and prints the plan (from → to, replaced paths, "
                + "files that would be removed, pending migrations, space needed) and every reason the upgrade "
                + "would be refused. Changes nothing.",
                "Exit: 0 the upgrade would proceed, 2 usage, 3 it would be refused (the message says why)."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    InstallOptions install;

    @Mixin
    OutputOptions output;

    @Mixin
    ReleaseOptions release;

    @Parameters(index = "0", paramLabel = "TARBALL|URL", description = "eltm-portable-<VERSION>.tar.gz, or an http(s) URL.")
    String source;

    @Override
    public Integer call() throws Exception {
        InstallEnvironment env = install.load();
        Engines.of(env).recover(output.stepPrinter()).ifPresent(output::recovered);
        CheckReport plan = new ReleaseCheck(env, Engines.limits())
                .report(source, Optional.ofNullable(release.sha256()), release.allowDowngrade, release.baseline,
                        (done, total) -> { });
        int exit = plan.wouldProceed() ? ExitCode.DONE.code() : ExitCode.REFUSED.code();
        if (output.json) {
            System.out.println(OutputOptions.toJson(plan));
            return exit;
        }
        System.out.printf("install      %s%n", plan.installDir());
        if (plan.from() != null && plan.to() != null) {
            System.out.printf("release      %s → %s (GIT_SHA %s → %s)%n", plan.from().version(), plan.to().version(),
                    plan.from().gitSha(), plan.to().gitSha());
        }
        if (plan.sha256() != null) {
            System.out.printf("tarball      sha256 %s%n", plan.sha256());
            System.out.printf("replaced     %s%n", String.join(", ", plan.replacedPaths()));
            System.out.printf("migrations   %s%n", plan.migrations().isEmpty() ? "none pending"
                    : (plan.downgrade() ? "undo " : "apply ") + String.join(", ", plan.migrations()));
            System.out.printf("space        %,d MiB needed, %,d MiB free%n", plan.spaceNeededBytes() >> 20,
                    plan.spaceFreeBytes() >> 20);
        }
        for (String removed : plan.removedFiles()) {
            System.out.printf("removed      %s %s%n", removed, RemovedFiles.LABEL);
        }
        if (plan.wouldProceed()) {
            System.out.println("ok: the upgrade would proceed");
        } else {
            plan.problems().forEach(problem -> System.err.println("eltm-shim: refused: " + problem));
        }
        return exit;
    }
}
