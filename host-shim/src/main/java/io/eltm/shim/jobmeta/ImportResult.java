package io.eltm.shim.jobmeta;

import java.util.List;

/**
 * What an import did.
 *
 * @param file      the export file
 * @param source    where the export came from
 * @param tables    per table, rows exported and inserted
 * @param sequences one line per sequence moved
 * @param plan      the plan it ran
 */
public record ImportResult(String file, String source, List<TableLoad> tables, List<String> sequences,
        ImportPlan plan) {

    public ImportResult {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }
}
