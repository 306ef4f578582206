package io.eltm.shim.jobmeta;

import java.util.List;

/** The translation the test legacy schema needs (see jobmeta/legacy-schema.sql), as options and as rules. */
final class LegacyDrift {

    static final List<String> MAPS = List.of(
            "t_job_meta.owner_name=owner", "t_job_meta.is_active=enabled", "t_job_meta.job_desc=description");
    static final List<String> EXPRS = List.of(
            "t_step_watermark.updated_at=to_timestamp(updated_epoch / 1000.0)");

    static final TranslationRules RULES = TranslationRules.parse(MAPS, EXPRS);

    private LegacyDrift() {
    }

    /** The same as command-line arguments. */
    static List<String> options() {
        List<String> options = new java.util.ArrayList<>();
        MAPS.forEach(m -> options.addAll(List.of("--map", m)));
        EXPRS.forEach(e -> options.addAll(List.of("--expr", e)));
        return options;
    }
}
