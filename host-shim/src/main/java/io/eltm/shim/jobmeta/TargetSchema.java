package io.eltm.shim.jobmeta;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the target (modern) database has, as far as an import needs.
 *
 * @param tables      per table present, its columns in order
 * @param knownTypes  the legacy column types that also exist on the target (staged as themselves; others as text)
 */
public record TargetSchema(Map<String, List<TargetColumn>> tables, Set<String> knownTypes) {

    public TargetSchema {
        tables = Map.copyOf(tables);
        knownTypes = Set.copyOf(knownTypes);
    }

    public Optional<List<TargetColumn>> columns(String table) {
        return Optional.ofNullable(tables.get(table));
    }
}
