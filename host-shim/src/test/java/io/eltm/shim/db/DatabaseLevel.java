package io.eltm.shim.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A database's owner, grants, connection limit, comment and settings as text, for tests to compare. */
public final class DatabaseLevel {

    private DatabaseLevel() {
    }

    public static List<String> of(Connection c, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT 'owner=' || pg_get_userbyid(datdba) || ' acl=' "
                + "|| coalesce((SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(datacl) a), 'default') "
                + "|| ' limit=' || datconnlimit || ' comment=' || coalesce(shobj_description(oid, 'pg_database'), '') "
                + "FROM pg_database WHERE datname = ? "
                + "UNION ALL SELECT coalesce(pg_get_userbyid(nullif(s.setrole, 0)), '*') || ' ' || s.setconfig::text "
                + "FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = ? ORDER BY 1")) {
            st.setString(1, database);
            st.setString(2, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
