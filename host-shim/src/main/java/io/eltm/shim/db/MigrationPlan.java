package io.eltm.shim.db;

import org.flywaydb.core.api.MigrationVersion;

import java.util.List;

/**
 * What the audit DB needs to match a release: versions to apply (oldest first) or, for a
 * downgrade, versions to undo (newest first). Never both.
 *
 * @param baseline the version an unversioned DB is declared to match ({@code --baseline}), or null
 */
public record MigrationPlan(List<MigrationVersion> apply, List<MigrationVersion> undo, MigrationVersion baseline) {

    public MigrationPlan {
        apply = List.copyOf(apply);
        undo = List.copyOf(undo);
    }

    public boolean changesSchema() {
        return !apply.isEmpty() || !undo.isEmpty() || baseline != null;
    }

    public boolean downgrade() {
        return !undo.isEmpty();
    }

    public List<String> applyNames() {
        return apply.stream().map(MigrationVersion::getVersion).toList();
    }

    public List<String> undoNames() {
        return undo.stream().map(MigrationVersion::getVersion).toList();
    }
}
