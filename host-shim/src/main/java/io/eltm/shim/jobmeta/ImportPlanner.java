package io.eltm.shim.jobmeta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, without touching any database, how each exported table lands on the target: columns match
 * by name; {@code --map} renames; a different type is cast; {@code --expr} computes a column; legacy
 * columns nothing takes are dropped and reported; a target {@code NOT NULL} column without default that
 * nothing feeds is a problem that names it. The schema drift the guide had people edit by hand.
 */
public final class ImportPlanner {

    public ImportPlan plan(ExportManifest manifest, TargetSchema target, TranslationRules rules,
            SourceTimeZone zone) {
        List<TablePlan> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String ruled : rules.tables()) {
            if (manifest.table(ruled).isEmpty()) {
                problems.add("a --map or --expr names table " + ruled + ", which the export does not hold");
            }
        }
        for (TableSection section : manifest.tables()) {
            target.columns(section.table()).ifPresentOrElse(
                    columns -> tables.add(plan(section, columns, target, rules, problems)),
                    () -> problems.add("table " + section.table() + " is absent on the target: initialise the "
                            + "target with the new release's initdb.sql, or export without it (--skip)"));
        }
        List<String> zoned = tables.stream().flatMap(t -> t.columns().stream().filter(ColumnTranslation::zoneSensitive)
                .map(c -> t.table() + "." + c.target())).toList();
        if (!zone.known() && !zoned.isEmpty()) {
            problems.add(String.join(", ", zoned) + " read zone-less timestamps, but the legacy server's TimeZone is "
                    + "unknown (" + zone.origin() + "): pass --source-timezone ZONE, the zone the legacy server ran "
                    + "in (SHOW TimeZone in psql on the legacy host)");
        }
        return new ImportPlan(tables, zone, problems);
    }

    private static TablePlan plan(TableSection section, List<TargetColumn> targetColumns, TargetSchema target,
            TranslationRules rules, List<String> problems) {
        String table = section.table();
        Map<String, String> renames = rules.renamesOf(table);
        Map<String, String> expressions = rules.expressionsOf(table);
        Map<String, TargetColumn> targetByName = new LinkedHashMap<>();
        targetColumns.forEach(c -> targetByName.put(c.name(), c));
        Map<String, ColumnDef> sourceByName = new LinkedHashMap<>();
        section.columns().forEach(c -> sourceByName.put(c.name(), c));

        renames.forEach((from, to) -> {
            if (!sourceByName.containsKey(from)) {
                problems.add("--map " + table + "." + from + "=" + to + ": the export of " + table
                        + " has no column " + from + " (it has " + String.join(", ", sourceByName.keySet()) + ")");
            }
            if (!targetByName.containsKey(to)) {
                problems.add("--map " + table + "." + from + "=" + to + ": the target table " + table
                        + " has no column " + to);
            }
        });
        expressions.keySet().stream().filter(c -> !targetByName.containsKey(c)).forEach(c -> problems.add(
                "--expr " + table + "." + c + ": the target table " + table + " has no column " + c));

        Map<String, ColumnDef> feeding = new LinkedHashMap<>();
        for (ColumnDef source : section.columns()) {
            String to = renames.getOrDefault(source.name(), source.name());
            if (renames.containsKey(source.name()) || !renames.containsValue(source.name())) {
                feeding.putIfAbsent(to, source);
            }
        }

        List<ColumnTranslation> columns = new ArrayList<>();
        List<String> defaulted = new ArrayList<>();
        List<String> nulled = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (TargetColumn column : targetColumns) {
            if (column.generated()) {
                continue;
            }
            String expression = expressions.get(column.name());
            ColumnDef source = feeding.get(column.name());
            if (expression != null) {
                columns.add(new ColumnTranslation(column.name(), "(" + expression + ")",
                        ColumnTranslation.Kind.EXPRESSION, null, null, column.type(), temporal(column.type())));
            } else if (source != null) {
                used.add(source.name());
                columns.add(translate(source, column));
            } else if (column.notNull() && !column.hasDefault()) {
                problems.add(table + "." + column.name() + " is NOT NULL without a default on the target and the "
                        + "export has no column for it: map a legacy column onto it (--map " + table
                        + ".LEGACY_COLUMN=" + column.name() + ") or compute it (--expr '" + table + "."
                        + column.name() + "=SQL')");
            } else if (column.hasDefault()) {
                defaulted.add(column.name());
            } else {
                nulled.add(column.name());
            }
        }
        List<String> dropped = section.columns().stream().map(ColumnDef::name)
                .filter(name -> !used.contains(name) && !mentioned(name, expressions.values())).toList();
        List<ColumnDef> staging = section.columns().stream()
                .map(c -> new ColumnDef(c.name(), target.knownTypes().contains(c.type()) ? c.type() : "text"))
                .toList();
        return new TablePlan(table, section.rows(), staging, columns, dropped, defaulted, nulled,
                key(target.key(table), columns), target.foreignKeys(table));
    }

    /** The target's key columns and the legacy column each comes from; empty when one comes from none. */
    private static Map<String, String> key(List<String> targetKey, List<ColumnTranslation> columns) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String column : targetKey) {
            String source = columns.stream().filter(c -> c.target().equals(column) && c.source() != null)
                    .map(ColumnTranslation::source).findFirst().orElse(null);
            if (source == null) {
                return Map.of();
            }
            key.put(column, source);
        }
        return key;
    }

    /** A cast whose result depends on the session's zone: to or from a type with a time zone. */
    private static boolean zoneDependent(String sourceType, String targetType) {
        return sourceType.contains("with time zone") || targetType.contains("with time zone");
    }

    private static boolean temporal(String type) {
        return type.startsWith("timestamp") || type.startsWith("time ") || type.equals("date");
    }

    private static ColumnTranslation translate(ColumnDef source, TargetColumn column) {
        boolean renamed = !source.name().equals(column.name());
        boolean cast = !source.type().equals(column.type());
        String value = Sql.quote(source.name());
        if (cast) {
            // to the base type: the insert's assignment then refuses a too-long value instead of cutting it
            value = "CAST(" + value + " AS " + column.baseType() + ")";
        }
        ColumnTranslation.Kind kind = renamed
                ? (cast ? ColumnTranslation.Kind.RENAMED_CAST : ColumnTranslation.Kind.RENAMED)
                : (cast ? ColumnTranslation.Kind.CAST : ColumnTranslation.Kind.SAME);
        return new ColumnTranslation(column.name(), value, kind, source.name(), source.type(), column.type(),
                cast && zoneDependent(source.type(), column.type()));
    }

    private static boolean mentioned(String column, Iterable<String> expressions) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(column) + "(?![A-Za-z0-9_$])");
        for (String expression : expressions) {
            if (word.matcher(expression).find()) {
                return true;
            }
        }
        return false;
    }
}
