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

    private final Connection connection;

    public TargetSchemaReader(Connection connection) {
        this.connection = connection;
    }

    public TargetSchema read(Collection<TableSection> sections) throws SQLException {
        Map<String, List<TargetColumn>> tables = new HashMap<>();
        Set<String> types = new HashSet<>();
        for (TableSection section : sections) {
            List<TargetColumn> columns = columns(section.table());
            if (!columns.isEmpty()) {
                tables.put(section.table(), columns);
            }
            for (ColumnDef column : section.columns()) {
                if (known(column.type())) {
                    types.add(column.type());
                }
            }
        }
        return new TargetSchema(tables, types);
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
