package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.Database;

import io.eltm.shim.ExitCode;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.jobmeta.ImportResult;
import io.eltm.shim.jobmeta.InstallScriptServices;
import io.eltm.shim.jobmeta.JobmetaImporter;
import io.eltm.shim.jobmeta.TableLoad;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jobmeta import FILE}: on the new host, one transaction with the services quiesced. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Loads FILE into this install: checks it, plans it, stops the engine and meta-service "
                + "(PostgreSQL stays up), loads every table in one transaction, moves the sequences, starts "
                + "everything again. Refuses, before stopping anything, whatever plan would refuse.")
final class JobmetaImportCommand implements Callable<Integer> {

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

    @Option(names = "--json", description = "Print the result as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() {
        return JobmetaRun.run(spec, json, () -> {
            InstallEnvironment environment = install.load();
            ImportResult result = new JobmetaImporter(new JobmetaProgress(spec.commandLine().getErr()),
                    Clock.systemUTC()).importFile(file, Database.of(environment), translation.rules(),
                    target.sourceTimeZone(), target.merge, new InstallScriptServices(environment));
            var stdout = spec.commandLine().getOut();
            for (TableLoad table : result.tables()) {
                stdout.printf("%-24s %10d of %d rows inserted%s%n", table.table(), table.inserted(), table.rows(),
                        table.kept() > 0 ? ", " + table.kept() + " kept from the target (key existed)" : "");
            }
            result.sequences().forEach(stdout::println);
            stdout.println("imported " + file + "; now run: " + verifyCommand());
            stdout.flush();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("result", "Succeeded");
                out.put("import", result);
                JobmetaRun.printJson(spec, out);
            }
            return ExitCode.DONE;
        });
    }

    /** What verify needs, as docs/cutover.md says: the same file, install and --map/--expr options. */
    private String verifyCommand() {
        List<String> words = new ArrayList<>(List.of("eltm-shim", "jobmeta", "verify", ShellQuote.quote(file.toString())));
        if (install.envFile != null) {
            words.add("--env-file " + ShellQuote.quote(install.envFile.toString()));
        }
        if (install.installDir != null) {
            words.add("--install-dir " + ShellQuote.quote(install.installDir.toString()));
        }
        words.addAll(translation.asArguments());
        return String.join(" ", words);
    }
}
