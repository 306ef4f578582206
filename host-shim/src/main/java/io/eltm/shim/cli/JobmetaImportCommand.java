package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.Database;

import io.eltm.shim.ExitCode;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.jobmeta.ImportResult;
import io.eltm.shim.jobmeta.InstallScriptServices;
import io.eltm.shim.jobmeta.JobmetaImporter;
import io.eltm.shim.jobmeta.MergeMode;
import io.eltm.shim.jobmeta.TableLoad;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jobmeta import FILE}: on the new host, one transaction with the services quiesced. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Loads FILE into this install: checks it, plans it, stops the engine and meta-service "
                + "(PostgreSQL stays up), loads every table in one transaction, moves the sequences, starts "
                + "everything again.")
final class JobmetaImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InstallOptions install;

    @Mixin
    JobmetaTranslationOptions translation;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(names = "--merge", paramLabel = "MODE",
            description = "When the target's tables already hold rows: replace (delete them first) or "
                    + "keep-existing (skip legacy rows whose key exists). Default: refuse.",
            converter = MergeModeConverter.class)
    MergeMode merge = MergeMode.REFUSE;

    @Option(names = "--json", description = "Print the result as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() {
        return JobmetaRun.run(spec, json, () -> {
            InstallEnvironment environment = install.load();
            ImportResult result = new JobmetaImporter(new JobmetaProgress(spec.commandLine().getErr()),
                    Clock.systemUTC()).importFile(file, Database.of(environment),
                    translation.rules(), merge, new InstallScriptServices(environment));
            var stdout = spec.commandLine().getOut();
            for (TableLoad table : result.tables()) {
                stdout.printf("%-24s %10d of %d rows inserted%n", table.table(), table.inserted(), table.rows());
            }
            result.sequences().forEach(stdout::println);
            stdout.println("imported " + file + "; now run: eltm-shim jobmeta verify " + file);
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

    /** {@code replace} / {@code keep-existing}, as users type them. */
    static final class MergeModeConverter implements picocli.CommandLine.ITypeConverter<MergeMode> {
        @Override
        public MergeMode convert(String value) {
            return switch (value) {
                case "replace" -> MergeMode.REPLACE;
                case "keep-existing" -> MergeMode.KEEP_EXISTING;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected replace or keep-existing, not '" + value + "'");
            };
        }
    }
}
