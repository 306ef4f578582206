package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.TranslationRules;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Schema-drift rules shared by plan, import and verify. */
final class JobmetaTranslationOptions {

    @Option(names = "--map", paramLabel = "TABLE.LEGACY=NEW",
            description = "A legacy column renamed on the target, e.g. t_job_meta.job_desc=description. Repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--expr", paramLabel = "TABLE.COLUMN=SQL",
            description = "A target column computed by SQL over the legacy row's columns, e.g. "
                    + "'t_step_watermark.updated_at=to_timestamp(updated_epoch / 1000.0)'. Repeatable.")
    List<String> exprs = new ArrayList<>();

    TranslationRules rules() {
        return TranslationRules.parse(maps, exprs);
    }
}
