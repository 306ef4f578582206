package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;
import io.eltm.shim.RefusedException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code eltm-shim}: the command line of contract §6. Each subcommand is a thin caller of the engine. */
@Command(name = "eltm-shim", mixinStandardHelpOptions = true,
        versionProvider = ShimVersion.class,
        description = "Safe in-place upgrades of an ELTM install: atomic swap, migrations, automatic rollback.",
        subcommands = {
                CheckCommand.class,
                UpgradeCommand.class,
                AgentCommand.class,
                HostCommand.class,
                RollbackCommand.class,
                StatusCommand.class,
                DemoCommand.class,
                JobmetaCommand.class,
                ImageCommand.class,
                CommandLine.HelpCommand.class})
public final class EltmShim implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new EltmShim())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof RefusedException) {
                        cmd.getErr().println("eltm-shim: refused: " + e.getMessage());
                        return ExitCode.REFUSED.code();
                    }
                    cmd.getErr().println("eltm-shim: failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    if (System.getenv("ELTM_SHIM_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return ExitCode.FAILED.code();
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }
}
