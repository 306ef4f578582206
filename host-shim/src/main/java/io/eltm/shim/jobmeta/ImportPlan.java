package io.eltm.shim.jobmeta;

import java.util.List;

/**
 * What an import will do, before it does anything: per table, how columns translate; and the problems
 * that make it refuse (each names the table and column, and what to do).
 */
public record ImportPlan(List<TablePlan> tables, List<String> problems) {

    public ImportPlan {
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
    }

    public boolean runnable() {
        return problems.isEmpty();
    }

    /** The plan for people: one block per table, problems last. */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (TablePlan table : tables) {
            text.append(table.table()).append(": ").append(table.rows()).append(" rows\n");
            for (ColumnTranslation column : table.columns()) {
                if (column.kind() != ColumnTranslation.Kind.SAME) {
                    text.append("  ").append(column.describe()).append('\n');
                }
            }
            long same = table.columns().stream().filter(c -> c.kind() == ColumnTranslation.Kind.SAME).count();
            text.append("  ").append(same).append(" columns copied by name\n");
            if (!table.dropped().isEmpty()) {
                text.append("  dropped (absent on target): ").append(String.join(", ", table.dropped())).append('\n');
            }
            if (!table.defaulted().isEmpty()) {
                text.append("  left to their default: ").append(String.join(", ", table.defaulted())).append('\n');
            }
        }
        for (String problem : problems) {
            text.append("REFUSED: ").append(problem).append('\n');
        }
        return text.toString();
    }
}
