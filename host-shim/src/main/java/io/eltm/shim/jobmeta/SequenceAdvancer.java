package io.eltm.shim.jobmeta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves sequences past what was loaded, so the next save does not collide: {@code seq_job_version_id}
 * to at least the legacy high-water mark and {@code max(version_key)}, and every sequence owned by a
 * loaded column (serial ids) to at least that column's maximum. Never moves a sequence backwards.
 */
final class SequenceAdvancer {

    private static final String OWNED = """
            SELECT a.attname, pg_get_serial_sequence(?, a.attname)
              FROM pg_attribute a
             WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
               AND pg_get_serial_sequence(?, a.attname) IS NOT NULL""";

    private final Connection connection;

    SequenceAdvancer(Connection connection) {
        this.connection = connection;
    }

    /** @return one line per sequence moved */
    List<String> advance(ExportManifest manifest) throws SQLException {
        List<String> moved = new ArrayList<>();
        String version = Sql.table(JobmetaTables.VERSION_SEQUENCE);
        if (exists(version)) {
            long floor = manifest.sequence() == null ? 0 : manifest.sequence().highWater();
            if (exists(Sql.table(JobmetaTables.HISTORY_TABLE))) {
                floor = Math.max(floor, max(JobmetaTables.HISTORY_TABLE, JobmetaTables.VERSION_KEY));
            }
            advance(version, floor, moved);
        }
        for (TableSection section : manifest.tables()) {
            String table = Sql.table(section.table());
            try (PreparedStatement ps = connection.prepareStatement(OWNED)) {
                ps.setString(1, table);
                ps.setString(2, table);
                ps.setString(3, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        advance(rs.getString(2), max(section.table(), rs.getString(1)), moved);
                    }
                }
            }
        }
        return moved;
    }

    private void advance(String sequence, long floor, List<String> moved) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + sequence)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) >= floor || floor < 1) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
            ps.setString(1, sequence);
            ps.setLong(2, floor);
            ps.execute();
        }
        moved.add(sequence + " set to " + floor);
    }

    private boolean exists(String relation) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private long max(String table, String column) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT coalesce(max(" + Sql.quote(column) + "), 0) FROM " + Sql.table(table))) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
