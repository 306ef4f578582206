package io.eltm.shim.db;

import io.eltm.shim.RefusedException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's part of the preflight, while services still run: everything the snapshot, the
 * migrations and their undo will need is checked here, so that a missing privilege or a migration
 * that cannot run in the one transaction refuses the upgrade (exit 3) instead of failing after the stop.
 */
public final class DatabasePreflight {

    private DatabasePreflight() {
    }

    /**
     * @param staging   the release to install (its {@code V} and {@code U} scripts)
     * @param installed the release installed now (its {@code U} scripts serve a downgrade too)
     */
    public static void check(AuditDatabase db, MigrationPlan plan, Path staging, Path installed) throws SQLException {
        if (!plan.changesSchema()) {
            return;
        }
        checkSnapshotPrivileges(db);
        MigrationRunner runner = new MigrationRunner(db);
        List<String> refused = new ArrayList<>(runner.nonTransactional(staging, "V", plan.apply()));
        refused.addAll(runner.nonTransactional(staging, "U", plan.undo()));
        refused.addAll(runner.nonTransactional(installed, "U", plan.undo()));
        if (!refused.isEmpty()) {
            throw new RefusedException("migration " + String.join(", ", refused.stream().distinct().toList())
                    + " cannot run inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM, ALTER TYPE ... ADD VALUE "
                    + "before PostgreSQL 12, ...), and eltm-shim runs all migrations of an upgrade in one transaction "
                    + "so that a failure leaves the audit DB " + db.name() + " as before: make it transactional "
                    + "(plain CREATE INDEX) or run it by hand after the upgrade");
        }
        if (!plan.apply().isEmpty() && plan.baseline() == null) {
            runner.validate(staging, plan);
        }
    }

    /**
     * The snapshot copies the audit DB ({@code CREATE DATABASE ... TEMPLATE}, which needs CREATEDB and,
     * for a non-superuser, ownership of the source) and the restore renames and drops it (ownership).
     */
    static void checkSnapshotPrivileges(AuditDatabase db) throws SQLException {
        try (Connection c = db.openMaintenance(); PreparedStatement st = c.prepareStatement(
                "SELECT r.rolsuper, r.rolcreatedb, pg_has_role(current_user, d.datdba, 'USAGE'), "
                        + "pg_get_userbyid(d.datdba) FROM pg_roles r, pg_database d "
                        + "WHERE r.rolname = current_user AND d.datname = ?")) {
            st.setString(1, db.name());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new RefusedException("the audit DB " + db.name() + " does not exist on " + db.url()
                            + ": check PGDATABASE in the env file");
                }
                if (rs.getBoolean(1)) {
                    return;
                }
                if (!rs.getBoolean(2)) {
                    throw new RefusedException("the DB role " + db.user() + " lacks the CREATEDB privilege that the "
                            + "snapshot of the audit DB " + db.name() + " needs (CREATE DATABASE ... TEMPLATE " + db.name()
                            + "): as a superuser run ALTER ROLE " + DatabaseSnapshot.quote(db.user())
                            + " CREATEDB, then retry");
                }
                if (!rs.getBoolean(3)) {
                    throw new RefusedException("the DB role " + db.user() + " does not own the audit DB " + db.name()
                            + " (" + rs.getString(4) + " does), so it can neither copy it into a snapshot nor restore "
                            + "one: as a superuser run GRANT " + DatabaseSnapshot.quote(rs.getString(4)) + " TO "
                            + DatabaseSnapshot.quote(db.user()) + ", then retry");
                }
            }
        }
    }
}
