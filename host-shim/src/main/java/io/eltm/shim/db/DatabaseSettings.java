package io.eltm.shim.db;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code CREATE DATABASE ... TEMPLATE} does not copy, as statements that give it to the copy:
 * the owner, the grants ({@code datacl}), the connection limit, the comment and the settings of
 * {@code ALTER DATABASE ... SET} and {@code ALTER ROLE ... IN DATABASE ... SET}. Read from the
 * catalogs as pg_dump reads them.
 */
final class DatabaseSettings {

    /** Settings whose value is a list of quoted elements (pg_dump's variable_is_guc_list_quote). */
    private static final Set<String> LIST_SETTINGS = Set.of("local_preload_libraries", "search_path",
            "session_preload_libraries", "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories");

    private DatabaseSettings() {
    }

    /** The statements that give {@code target} the settings {@code source} has now. */
    static List<String> copyStatements(Connection c, String source, String target) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        String to = pg.escapeIdentifier(target);
        List<String> sql = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT pg_get_userbyid(datdba), datconnlimit, "
                + "shobj_description(oid, 'pg_database'), datacl IS NOT NULL FROM pg_database WHERE datname = ?")) {
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("database " + source + " does not exist");
                }
                String owner = rs.getString(1);
                sql.add("ALTER DATABASE " + to + " OWNER TO " + pg.escapeIdentifier(owner));
                if (rs.getInt(2) != -1) {
                    sql.add("ALTER DATABASE " + to + " CONNECTION LIMIT " + rs.getInt(2));
                }
                if (rs.getString(3) != null) {
                    sql.add("COMMENT ON DATABASE " + to + " IS " + literal(pg, rs.getString(3)));
                }
                if (rs.getBoolean(4)) {
                    sql.add("REVOKE ALL ON DATABASE " + to + " FROM PUBLIC, " + pg.escapeIdentifier(owner));
                    sql.addAll(grants(c, pg, source, to));
                }
            }
        }
        sql.addAll(settings(c, pg, source, to));
        return sql;
    }

    static void copy(Connection c, String source, String target) throws SQLException {
        List<String> statements = copyStatements(c, source, target);
        try (Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static List<String> grants(Connection c, PGConnection pg, String source, String to) throws SQLException {
        List<String> sql = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT CASE WHEN a.grantee = 0 THEN NULL "
                + "ELSE pg_get_userbyid(a.grantee) END, a.privilege_type, a.is_grantable "
                + "FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = ? ORDER BY 1, 2")) {
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String grantee = rs.getString(1) == null ? "PUBLIC" : pg.escapeIdentifier(rs.getString(1));
                    sql.add("GRANT " + rs.getString(2) + " ON DATABASE " + to + " TO " + grantee
                            + (rs.getBoolean(3) ? " WITH GRANT OPTION" : ""));
                }
            }
        }
        return sql;
    }

    private static List<String> settings(Connection c, PGConnection pg, String source, String to) throws SQLException {
        List<String> sql = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT CASE WHEN s.setrole = 0 THEN NULL "
                + "ELSE pg_get_userbyid(s.setrole) END, u.config FROM pg_db_role_setting s "
                + "JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) WITH ORDINALITY u(config, n) "
                + "WHERE d.datname = ? ORDER BY 1, u.n")) {
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String role = rs.getString(1);
                    String config = rs.getString(2);
                    int eq = config.indexOf('=');
                    String name = config.substring(0, eq);
                    String prefix = role == null ? "ALTER DATABASE " + to
                            : "ALTER ROLE " + pg.escapeIdentifier(role) + " IN DATABASE " + to;
                    sql.add(prefix + " SET " + pg.escapeIdentifier(name) + " TO "
                            + value(pg, name, config.substring(eq + 1)));
                }
            }
        }
        return sql;
    }

    private static String value(PGConnection pg, String name, String value) throws SQLException {
        if (!LIST_SETTINGS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            return literal(pg, value);
        }
        List<String> literals = new ArrayList<>();
        for (String element : splitList(value)) {
            literals.add(literal(pg, element));
        }
        return literals.isEmpty() ? "''" : String.join(", ", literals);
    }

    private static String literal(PGConnection pg, String text) throws SQLException {
        return "'" + pg.escapeLiteral(text) + "'";
    }

    /** Splits a list setting as PostgreSQL stores it ({@code "$user", public}) into its elements. */
    static List<String> splitList(String value) {
        List<String> elements = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            StringBuilder element = new StringBuilder();
            if (i < n && value.charAt(i) == '"') {
                i++;
                while (i < n && !(value.charAt(i) == '"' && (i + 1 >= n || value.charAt(i + 1) != '"'))) {
                    element.append(value.charAt(i));
                    i += value.charAt(i) == '"' ? 2 : 1;
                }
                i++;
            } else {
                while (i < n && value.charAt(i) != ',' && !Character.isWhitespace(value.charAt(i))) {
                    element.append(value.charAt(i++));
                }
            }
            while (i < n && value.charAt(i) != ',') {
                i++;
            }
            i++;
            elements.add(element.toString());
        }
        return elements;
    }
}
