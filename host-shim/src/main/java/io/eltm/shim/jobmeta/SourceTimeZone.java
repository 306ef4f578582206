package io.eltm.shim.jobmeta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The zone in which the target reads the legacy database's zone-less values: {@code timestamp without
 * time zone} cast to {@code timestamptz}, zone-less text cast to it, {@code to_timestamp(text, format)}
 * in an expression. They mean the legacy server's {@code TimeZone}, which the export records; an
 * operator's {@code --source-timezone} overrides it. Applied to the target session, whatever zone the
 * importing JVM runs in (pgjdbc would otherwise send the JVM's).
 *
 * @param zone   a PostgreSQL time zone name, or {@code null} when neither the export nor the operator gave one
 * @param origin where it came from, for the plan
 */
public record SourceTimeZone(String zone, String origin) {

    public static SourceTimeZone of(ExportManifest manifest, Optional<String> override) {
        if (override.isPresent()) {
            return new SourceTimeZone(override.get(), "--source-timezone");
        }
        return manifest.sourceTimeZone() == null ? new SourceTimeZone(null, "not recorded by the export")
                : new SourceTimeZone(manifest.sourceTimeZone(), "the legacy server's TimeZone, recorded by the export");
    }

    public boolean known() {
        return zone != null;
    }

    /**
     * Sets the session's {@code TimeZone} (nothing when unknown).
     *
     * @throws SQLException with SQLSTATE 22023 when the target's PostgreSQL does not know the zone
     */
    public void apply(Connection connection) throws SQLException {
        if (zone == null) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
            ps.setString(1, zone);
            ps.execute();
        }
    }

    /** One line for the plan. */
    public String describe() {
        return known() ? "zone-less timestamps are read as " + zone + " (" + origin + ")"
                : "the legacy server's TimeZone is unknown (" + origin + ")";
    }
}
