package io.eltm.shim.jobmeta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the target's columns and which legacy types it knows, from the catalog. */
public final class TargetSchemaReader {

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), format_type(a.atttypid, NULL),
                   a.attnotnull, a.atthasdef OR a.attidentity <> '', a.attgenerated <> ''
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname = ? AND c.relkind IN ('r', 'p')
               AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum""";

    private static final String KEY = """
            SELECT a.attname
              FROM pg_index i
              JOIN pg_class c ON c.oid = i.indrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) ON true
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE i.indisprimary AND n.nspname = 'public' AND c.relname = ?
             ORDER BY k.ord""";

    private static final String FOREIGN_KEYS = """
            SELECT con.conname, rc.relname,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
              FROM pg_constraint con
              JOIN pg_class c ON c.oid = con.conrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_class rc ON rc.oid = con.confrelid
              JOIN pg_namespace rn ON rn.oid = rc.relnamespace
             WHERE con.contype = 'f' AND n.nspname = 'public' AND rn.nspname = 'public' AND c.relname = ?
             ORDER BY con.conname""";

    private final Connection connection;

    public TargetSchemaReader(Connection connection) {
        this.connection = connection;
    }

    public TargetSchema read(Collection<TableSection> sections) throws SQLException {
        Map<String, List<TargetColumn>> tables = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, List<ForeignKey>> foreignKeys = new HashMap<>();
        Set<String> types = new HashSet<>();
        for (TableSection section : sections) {
            List<TargetColumn> columns = columns(section.table());
            if (!columns.isEmpty()) {
                tables.put(section.table(), columns);
                keys.put(section.table(), key(section.table()));
                foreignKeys.put(section.table(), foreignKeys(section.table()));
            }
            for (ColumnDef column : section.columns()) {
                if (known(column.type())) {
                    types.add(column.type());
                }
            }
        }
        return new TargetSchema(tables, keys, foreignKeys, types);
    }

    private List<String> key(String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(KEY)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }

    private List<ForeignKey> foreignKeys(String table) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(FOREIGN_KEYS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ForeignKey(rs.getString(1), names(rs.getArray(3)), rs.getString(2),
                            names(rs.getArray(4))));
                }
            }
        }
        return keys;
    }

    private static List<String> names(java.sql.Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private List<TargetColumn> columns(String table) throws SQLException {
        List<TargetColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TargetColumn(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)));
                }
            }
        }
        return columns;
    }

    private boolean known(String type) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regtype(?) IS NOT NULL")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            // to_regtype raises (rather than answering null) on text that is not a type name at all
            connection.rollback();
            return false;
        }
    }
}
