package io.eltm.shim.jobmeta;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the target (modern) database has, as far as an import needs.
 *
 * @param tables      per table present, its columns in order
 * @param keys        per table present, its primary key's columns (empty without one)
 * @param foreignKeys per table present, its foreign keys
 * @param knownTypes  the legacy column types that also exist on the target (staged as themselves; others as text)
 */
public record TargetSchema(Map<String, List<TargetColumn>> tables, Map<String, List<String>> keys,
        Map<String, List<ForeignKey>> foreignKeys, Set<String> knownTypes) {

    public TargetSchema {
        tables = Map.copyOf(tables);
        keys = Map.copyOf(keys);
        foreignKeys = Map.copyOf(foreignKeys);
        knownTypes = Set.copyOf(knownTypes);
    }

    /** Tables without keys or foreign keys. */
    public TargetSchema(Map<String, List<TargetColumn>> tables, Set<String> knownTypes) {
        this(tables, Map.of(), Map.of(), knownTypes);
    }

    public List<String> key(String table) {
        return keys.getOrDefault(table, List.of());
    }

    public List<ForeignKey> foreignKeys(String table) {
        return foreignKeys.getOrDefault(table, List.of());
    }

    public Optional<List<TargetColumn>> columns(String table) {
        return Optional.ofNullable(tables.get(table));
    }
}
