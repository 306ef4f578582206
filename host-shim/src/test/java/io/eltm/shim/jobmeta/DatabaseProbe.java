package io.eltm.shim.jobmeta;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks into a test database the way a person with psql would. */
final class DatabaseProbe {

    private final Database database;

    DatabaseProbe(Database database) {
        this.database = database;
    }

    long count(String table) throws SQLException {
        return Long.parseLong(scalar("SELECT count(*) FROM public." + table));
    }

    String scalar(String sql) throws SQLException {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    List<List<String>> rows(String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Everything an import could change, table by table: the MD5 of each public table's rows in a stable
     * order, and every sequence's state. Equal fingerprints mean the database is exactly as it was.
     */
    Map<String, String> fingerprint() throws SQLException {
        Map<String, String> print = new LinkedHashMap<>();
        for (List<String> table : rows("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND relkind = 'r' ORDER BY relname")) {
            String name = table.get(0);
            print.put(name, scalar("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') "
                    + "FROM public." + name + " t"));
        }
        for (List<String> sequence : rows("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND relkind = 'S' ORDER BY relname")) {
            String name = sequence.get(0);
            print.put(name, scalar("SELECT last_value || ':' || is_called FROM public." + name));
        }
        return print;
    }
}
