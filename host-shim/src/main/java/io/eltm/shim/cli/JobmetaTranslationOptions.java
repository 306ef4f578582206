package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.TranslationRules;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/** Schema-drift rules shared by plan, import and verify. */
final class JobmetaTranslationOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--map", paramLabel = "TABLE.LEGACY=NEW",
            description = "A legacy column renamed on the target, e.g. t_job_meta.job_desc=description. Repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--expr", paramLabel = "TABLE.COLUMN=SQL",
            description = "A target column computed by SQL over the legacy row's columns, e.g. "
                    + "'t_step_watermark.updated_at=to_timestamp(updated_epoch / 1000.0)'. Repeatable.")
    List<String> exprs = new ArrayList<>();

    /** @throws CommandLine.ParameterException (exit 2) for a malformed, repeated or conflicting rule */
    TranslationRules rules() {
        try {
            return TranslationRules.parse(maps, exprs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** The options as given, quoted for a shell: what the next command needs again. */
    List<String> asArguments() {
        List<String> arguments = new ArrayList<>();
        maps.forEach(m -> arguments.add("--map " + ShellQuote.quote(m)));
        exprs.forEach(e -> arguments.add("--expr " + ShellQuote.quote(e)));
        return arguments;
    }
}
