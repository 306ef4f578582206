package io.eltm.shim.db;

import io.eltm.shim.RefusedException;

import org.flywaydb.core.api.MigrationVersion;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides, without touching anything, what the DB needs for a release (contract §5). Refusals name
 * the versions and the flag that would allow the change.
 */
public final class MigrationPlanner {

    private MigrationPlanner() {
    }

    /**
     * @param history        what {@code schema_version} holds
     * @param target         migrations the release to install ships
     * @param undoAvailable  undo scripts at hand (the installed release's and the target's)
     * @param allowDowngrade {@code --allow-downgrade}
     * @param baseline       {@code --baseline V}, or null
     */
    public static MigrationPlan plan(SchemaHistory history, Set<MigrationVersion> target,
                                     Set<MigrationVersion> undoAvailable, boolean allowDowngrade, String baseline) {
        MigrationVersion base = null;
        if (!history.tableExists()) {
            if (baseline == null) {
                throw new RefusedException("the audit DB has no " + SchemaHistory.TABLE + " table, so which migrations "
                        + "it already has is unknown; pass --baseline VERSION naming the last migration it matches");
            }
            base = MigrationVersion.fromVersion(baseline);
        }
        // A baseline (given now, or recorded earlier) stands for every migration up to it.
        MigrationVersion covered = base != null ? base : history.baseline();
        List<MigrationVersion> applied = history.applied();
        Set<MigrationVersion> appliedSet = new java.util.HashSet<>(applied);
        if (covered != null) {
            target.stream().filter(v -> v.compareTo(covered) <= 0).forEach(appliedSet::add);
        }
        MigrationVersion current = appliedSet.stream().max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        List<MigrationVersion> undo = applied.stream().filter(v -> !target.contains(v))
                .sorted(Comparator.reverseOrder()).toList();
        List<MigrationVersion> apply = target.stream().filter(v -> !appliedSet.contains(v)).sorted().toList();
        List<MigrationVersion> older = apply.stream().filter(v -> v.compareTo(current) < 0).toList();
        if (!older.isEmpty()) {
            throw new RefusedException("the release ships migrations " + names(older) + " older than the DB's current "
                    + current.getVersion() + " but never applied to it; this release does not fit this DB");
        }
        if (!undo.isEmpty()) {
            if (!apply.isEmpty()) {
                throw new RefusedException("the release would both undo " + names(undo) + " and apply " + names(apply)
                        + "; downgrade to a release on the DB's line first");
            }
            if (!allowDowngrade) {
                throw new RefusedException("the DB has migrations " + names(undo) + " that the release does not ship: "
                        + "this is a downgrade; pass --allow-downgrade to undo them");
            }
            List<MigrationVersion> missing = undo.stream().filter(v -> !undoAvailable.contains(v)).toList();
            if (!missing.isEmpty()) {
                throw new RefusedException("cannot downgrade: no undo script (U<version>__*.sql) for applied migrations "
                        + names(missing) + "; restore the DB from a backup instead");
            }
        }
        return new MigrationPlan(apply, undo, base);
    }

    static String names(List<MigrationVersion> versions) {
        return String.join(", ", versions.stream().map(MigrationVersion::getVersion).toList());
    }
}
