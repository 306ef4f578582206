package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;
import io.eltm.shim.env.RootGuard;
import io.eltm.shim.image.ShimExport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code image export DIR}: the init container of a pod upgrade Job (docs/pods.md). */
@Command(name = "image", mixinStandardHelpOptions = true, description = "The shim as a container image uses it.",
        subcommands = ImageCommand.Export.class)
final class ImageCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see --help)");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Copies this shim (its Java runtime and classes) into DIR with a launcher DIR/eltm-shim, so "
                    + "an upgrade Job runs it in the workload's own image. DIR must be empty.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "An empty directory (the Job's emptyDir volume).")
        Path dir;

        @Override
        public Integer call() throws IOException {
            RootGuard.refuseRoot(); // the Job runs the export as the install's user; files owned by root would not do
            ShimExport.Exported exported = ShimExport.into(dir, Path.of(System.getProperty("java.home")),
                    ShimExport.runningClassPath());
            spec.commandLine().getOut().println("eltm-shim " + ShimVersion.current() + " exported to " + dir + " ("
                    + exported.files() + " files): run " + exported.launcher());
            return ExitCode.DONE.code();
        }
    }
}
