package io.eltm.shim.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * A copy of the audit DB taken just before migrating, inside the same cluster
 * ({@code CREATE DATABASE ... TEMPLATE}): a file-level copy, far faster than a dump, with the owner,
 * grants and settings that the template copy leaves out. Restored by renames in an order that a
 * crash at any point leaves recoverable: the live DB renamed aside, the snapshot renamed into place,
 * the aside one dropped last. Where an interrupted restore stopped is read from which of the three
 * names exist ({@link RestoreState}), so running {@link #restore} again finishes it.
 */
public final class DatabaseSnapshot {

    /** Crash points at the statement boundaries of {@link #restore}, in order. */
    public static final String SESSIONS_ENDED = "snapshot-restore:sessions-ended";
    public static final String LIVE_SET_ASIDE = "snapshot-restore:live-set-aside";
    public static final String SNAPSHOT_IN_PLACE = "snapshot-restore:snapshot-in-place";
    public static final String ASIDE_DROPPED = "snapshot-restore:aside-dropped";
    public static final List<String> RESTORE_CRASH_POINTS =
            List.of(SESSIONS_ENDED, LIVE_SET_ASIDE, SNAPSHOT_IN_PLACE, ASIDE_DROPPED);

    private static final String ASIDE_SUFFIX = "_replaced";

    private final AuditDatabase db;
    private final Consumer<String> crashPoints;

    public DatabaseSnapshot(AuditDatabase db) {
        this(db, point -> { });
    }

    /** @param crashPoints told each point of {@link #RESTORE_CRASH_POINTS} as it is passed (the crash test hook) */
    public DatabaseSnapshot(AuditDatabase db, Consumer<String> crashPoints) {
        this.db = db;
        this.crashPoints = crashPoints;
    }

    /** The name the live DB takes while {@code snapshot} replaces it. */
    public static String asideName(String snapshot) {
        return snapshot.substring(0, Math.min(snapshot.length(), 63 - ASIDE_SUFFIX.length())) + ASIDE_SUFFIX;
    }

    /** Copies the audit DB into {@code snapshot}; replaces a leftover of an earlier attempt. */
    public void take(String snapshot) throws SQLException {
        try (Connection c = db.openMaintenance(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(snapshot));
            AuditDatabase.endSessionsOn(c, db.name());
            String strategy = serverVersion(st) >= 150000 ? " STRATEGY FILE_COPY" : "";
            st.execute("CREATE DATABASE " + quote(snapshot) + " TEMPLATE " + quote(db.name()) + strategy);
            DatabaseSettings.copy(c, db.name(), snapshot);
        }
    }

    /**
     * Puts the snapshot back in place of the audit DB (the snapshot is consumed), or finishes a restore
     * that a crash interrupted. Returns false when there was nothing to do: no snapshot and no restore
     * under way.
     */
    public boolean restore(String snapshot) throws SQLException {
        String aside = asideName(snapshot);
        try (Connection c = db.openMaintenance(); Statement st = c.createStatement()) {
            boolean acted = false;
            while (true) {
                RestoreState state = new RestoreState(exists(c, db.name()), exists(c, snapshot), exists(c, aside));
                switch (state.next(db.name(), snapshot, aside)) {
                    case SET_LIVE_ASIDE -> {
                        AuditDatabase.endSessionsOn(c, db.name());
                        crashPoints.accept(SESSIONS_ENDED);
                        st.execute("ALTER DATABASE " + quote(db.name()) + " RENAME TO " + quote(aside));
                        crashPoints.accept(LIVE_SET_ASIDE);
                    }
                    case PUT_SNAPSHOT_IN_PLACE -> {
                        st.execute("ALTER DATABASE " + quote(snapshot) + " RENAME TO " + quote(db.name()));
                        crashPoints.accept(SNAPSHOT_IN_PLACE);
                    }
                    case DROP_ASIDE -> {
                        AuditDatabase.endSessionsOn(c, aside);
                        st.execute("DROP DATABASE " + quote(aside));
                        crashPoints.accept(ASIDE_DROPPED);
                    }
                    case DONE -> {
                        return acted;
                    }
                }
                acted = true;
            }
        }
    }

    /** True while a restore of {@code snapshot} is under way (the live DB has been set aside). */
    public boolean restoreUnderWay(String snapshot) throws SQLException {
        try (Connection c = db.openMaintenance()) {
            return exists(c, asideName(snapshot));
        }
    }

    public void drop(String snapshot) throws SQLException {
        try (Connection c = db.openMaintenance(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(snapshot));
        }
    }

    /** Bytes on disk of the audit DB: the space a snapshot needs. */
    public long auditDatabaseBytes() throws SQLException {
        try (Connection c = db.openMaintenance();
             PreparedStatement st = c.prepareStatement("SELECT pg_database_size(?)")) {
            st.setString(1, db.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int serverVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).strip());
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
