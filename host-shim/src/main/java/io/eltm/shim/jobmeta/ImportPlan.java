package io.eltm.shim.jobmeta;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import will do, before it does anything: per table, how columns translate, the zone that
 * zone-less timestamps are read in; and the problems that make it refuse (each names the table and
 * column, the row by its key where a row is at fault, and what to do).
 */
public record ImportPlan(List<TablePlan> tables, SourceTimeZone timeZone, List<String> problems) {

    public ImportPlan {
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
    }

    public boolean runnable() {
        return problems.isEmpty();
    }

    /** This plan with more problems (found in the data, or in the target's rows). */
    public ImportPlan with(List<String> more) {
        List<String> all = new ArrayList<>(problems);
        all.addAll(more);
        return new ImportPlan(tables, timeZone, all);
    }

    /** The plan for people: the time zone, one block per table, problems last. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("time zone: ").append(timeZone.describe()).append('\n');
        for (TablePlan table : tables) {
            text.append(table.table()).append(": ").append(count(table.rows(), "row")).append('\n');
            for (ColumnTranslation column : table.columns()) {
                if (column.kind() != ColumnTranslation.Kind.SAME || column.zoneSensitive()) {
                    text.append("  ").append(column.describe(timeZone)).append('\n');
                }
            }
            long same = table.columns().stream().filter(c -> c.kind() == ColumnTranslation.Kind.SAME).count();
            text.append("  ").append(count(same, "column")).append(" copied by name\n");
            line(text, "dropped (absent on target): ", table.dropped());
            line(text, "left to their default: ", table.defaulted());
            line(text, "left NULL (no default): ", table.nulled());
        }
        for (String problem : problems) {
            text.append("REFUSED: ").append(problem).append('\n');
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, List<String> names) {
        if (!names.isEmpty()) {
            text.append("  ").append(label).append(String.join(", ", names)).append('\n');
        }
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
