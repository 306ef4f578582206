package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which tables an export carries, in dependency order: the guide's eight, less {@code --skip}, plus
 * {@code --include}. Runtime, audit and cache tables can be neither skipped nor included.
 */
public record ExportSelection(List<String> tables) {

    public ExportSelection {
        tables = List.copyOf(tables);
    }

    public static ExportSelection defaults() {
        return new ExportSelection(JobmetaTables.DEFAULT_TABLES);
    }

    /** @throws RefusedException naming a table that cannot be skipped or included */
    public static ExportSelection of(Collection<String> skip, Collection<String> include) {
        List<String> tables = new ArrayList<>(JobmetaTables.DEFAULT_TABLES);
        for (String table : skip) {
            if (!JobmetaTables.SKIPPABLE.contains(table)) {
                throw new RefusedException("--skip " + table + ": only " + sorted(JobmetaTables.SKIPPABLE)
                        + " may be skipped; the others are what a cutover carries");
            }
            tables.remove(table);
        }
        for (String table : include) {
            if (JobmetaTables.NEVER_COPIED.contains(table)) {
                throw new RefusedException("--include " + table + ": runtime, audit and discovered-schema tables "
                        + "never travel; the new install starts them clean");
            }
            String before = JobmetaTables.INCLUDABLE_BEFORE.get(table);
            if (before == null) {
                throw new RefusedException("--include " + table + ": only "
                        + sorted(JobmetaTables.INCLUDABLE_BEFORE.keySet()) + " may be included");
            }
            if (!tables.contains(table)) {
                tables.add(Math.max(0, tables.indexOf(before)), table);
            }
        }
        return new ExportSelection(tables);
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }
}
