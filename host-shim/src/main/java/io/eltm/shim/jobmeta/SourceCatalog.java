package io.eltm.shim.jobmeta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the legacy database has: tables, columns and types, the version sequence. Catalog
 * queries only, so that PostgreSQL releases of the GlassFish era answer them too.
 */
final class SourceCatalog {

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod)
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname = ? AND c.relkind IN ('r', 'p')
               AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum""";

    private static final String SEQUENCE_EXISTS = """
            SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname = ? AND c.relkind = 'S'""";

    private final Connection connection;

    SourceCatalog(Connection connection) {
        this.connection = connection;
    }

    /** The table's exportable columns (never-copied columns left out), or empty when the table is absent. */
    Optional<List<ColumnDef>> columns(String table) throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (!JobmetaTables.NEVER_COPIED_COLUMNS.contains(table + "." + name)) {
                        columns.add(new ColumnDef(name, rs.getString(2)));
                    }
                }
            }
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }

    /**
     * The {@code TimeZone} the legacy server is configured with. Not this session's: pgjdbc sends the
     * JVM's zone when it connects, which hides the server's from {@code SHOW TimeZone} and from
     * {@code pg_settings}; the configuration files ({@code pg_file_settings}) still show it. Empty when
     * this role may not read them (superuser or {@code pg_read_all_settings}) or they set no zone.
     */
    Optional<String> serverTimeZone() throws SQLException {
        execute("SAVEPOINT jobmeta_zone");
        Optional<String> zone;
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT setting FROM pg_file_settings
                 WHERE lower(name) = 'timezone' AND error IS NULL ORDER BY seqno DESC LIMIT 1""");
                ResultSet rs = ps.executeQuery()) {
            zone = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) {
                throw e;
            }
            execute("ROLLBACK TO SAVEPOINT jobmeta_zone");
            zone = Optional.empty();
        }
        // released: the rest of the export ran inside this subtransaction, which nothing ended (and which
        // pg_export_snapshot, for one, refuses)
        execute("RELEASE SAVEPOINT jobmeta_zone");
        return zone;
    }

    private void execute(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.execute();
        }
    }

    Optional<SequenceMark> versionSequence(boolean historyExported) throws SQLException {
        String name = JobmetaTables.VERSION_SEQUENCE;
        try (PreparedStatement ps = connection.prepareStatement(SEQUENCE_EXISTS)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        long lastValue;
        boolean isCalled;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT last_value, is_called FROM public." + Sql.quote(name));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            lastValue = rs.getLong(1);
            isCalled = rs.getBoolean(2);
        }
        Long maxKey = null;
        if (historyExported) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT max(" + Sql.quote(JobmetaTables.VERSION_KEY)
                    + ") FROM public." + Sql.quote(JobmetaTables.HISTORY_TABLE));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                long value = rs.getLong(1);
                maxKey = rs.wasNull() ? null : value;
            }
        }
        return Optional.of(new SequenceMark(name, lastValue, isCalled, maxKey));
    }
}
