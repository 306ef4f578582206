package io.eltm.shim.jobmeta;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How legacy columns become target columns beyond matching by name.
 *
 * @param renames     per table, legacy column → target column ({@code --map t_job_meta.old_name=new_name})
 * @param expressions per table, target column → SQL over the legacy row's columns
 *                    ({@code --expr 't_step_watermark.updated_at=to_timestamp(updated_epoch / 1000.0)'});
 *                    run by the target database against the operator's own data
 */
public record TranslationRules(Map<String, Map<String, String>> renames,
        Map<String, Map<String, String>> expressions) {

    public static final TranslationRules NONE = new TranslationRules(Map.of(), Map.of());

    public TranslationRules {
        renames = copy(renames);
        expressions = copy(expressions);
    }

    /**
     * @throws IllegalArgumentException (a usage error) naming an option that is not {@code table.column=value},
     *                                  a rule given twice, or two rules for one target column
     */
    public static TranslationRules parse(Collection<String> maps, Collection<String> exprs) {
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        Map<String, String> feeds = new LinkedHashMap<>();
        for (String map : maps) {
            Rule rule = Rule.parse("--map", map);
            if (!rule.value().matches("[A-Za-z_][A-Za-z0-9_$]*")) {
                throw new IllegalArgumentException("--map " + map + ": the new name '" + rule.value()
                        + "' is not a column name");
            }
            String earlier = renames.computeIfAbsent(rule.table(), t -> new LinkedHashMap<>())
                    .putIfAbsent(rule.column(), rule.value());
            if (earlier != null) {
                throw new IllegalArgumentException("--map " + rule.table() + "." + rule.column() + " is given twice (="
                        + earlier + " and =" + rule.value() + "): give each legacy column one --map");
            }
            claim(feeds, rule.table() + "." + rule.value(), "--map " + map);
        }
        Map<String, Map<String, String>> expressions = new LinkedHashMap<>();
        for (String expr : exprs) {
            Rule rule = Rule.parse("--expr", expr);
            claim(feeds, rule.table() + "." + rule.column(), "--expr " + rule.table() + "." + rule.column());
            expressions.computeIfAbsent(rule.table(), t -> new LinkedHashMap<>()).put(rule.column(), rule.value());
        }
        return new TranslationRules(renames, expressions);
    }

    /** One rule per target column: a second one is refused naming both, never silently preferred. */
    private static void claim(Map<String, String> feeds, String targetColumn, String option) {
        String earlier = feeds.putIfAbsent(targetColumn, option);
        if (earlier != null) {
            throw new IllegalArgumentException(earlier + " and " + option + " both give the target column "
                    + targetColumn + ": keep one of them");
        }
    }

    public Map<String, String> renamesOf(String table) {
        return renames.getOrDefault(table, Map.of());
    }

    public Map<String, String> expressionsOf(String table) {
        return expressions.getOrDefault(table, Map.of());
    }

    /** The tables any rule names. */
    public Set<String> tables() {
        Set<String> tables = new java.util.TreeSet<>(renames.keySet());
        tables.addAll(expressions.keySet());
        return tables;
    }

    /** The legacy column that becomes {@code targetColumn} by name or rename, or the same name. */
    public String sourceNameOf(String table, String targetColumn) {
        return renamesOf(table).entrySet().stream().filter(e -> e.getValue().equals(targetColumn))
                .map(Map.Entry::getKey).findFirst().orElse(targetColumn);
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> rules) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        rules.forEach((table, map) -> copy.put(table, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map))));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private record Rule(String table, String column, String value) {
        static Rule parse(String option, String text) {
            int eq = text.indexOf('=');
            int dot = eq < 0 ? -1 : text.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0 || dot == eq - 1 || eq == text.length() - 1) {
                throw new IllegalArgumentException(option + " " + text + ": expected TABLE.COLUMN=VALUE, for example "
                        + option + " t_job_meta.old_name=new_name");
            }
            return new Rule(text.substring(0, dot).strip(), text.substring(dot + 1, eq).strip(),
                    text.substring(eq + 1).strip());
        }
    }
}
