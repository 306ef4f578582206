package io.eltm.shim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code eltm-shim}: the command line of contract §6. Each subcommand is a thin caller of the engine. */
@Command(name = "eltm-shim", mixinStandardHelpOptions = true,
        versionProvider = ShimVersion.class,
        description = "Safe in-place upgrades of an ELTM install: atomic swap, migrations, automatic rollback.",
        subcommands = {CommandLine.HelpCommand.class,
                JobmetaCommand.class})
public final class EltmShim {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new EltmShim());
    }
}
