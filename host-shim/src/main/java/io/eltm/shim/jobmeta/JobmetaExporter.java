package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy side of a cutover: streams the selected tables and the version sequence from one
 * consistent snapshot (a read-only repeatable-read transaction) into an export file, with the legacy
 * server's time zone. Rows stream with {@code COPY ... TO STDOUT} through pgjdbc's copy API and are
 * written as they arrive, unparsed (hashed, and compressed only on request), so memory stays flat
 * however large the history is and the client adds little to the server's COPY.
 */
public final class JobmetaExporter {

    private final JobmetaSteps steps;
    private final Clock clock;

    public JobmetaExporter(JobmetaStepListener listener, Clock clock) {
        this.steps = new JobmetaSteps(listener, clock);
        this.clock = clock;
    }

    /**
     * @param source the legacy database, described by {@code source.describe()} in the manifest
     * @throws RefusedException when {@code out} exists or a selected table is absent on the source
     */
    public ExportManifest export(Database source, Path out, ExportSelection selection, boolean gzip)
            throws SQLException, IOException {
        try (Connection connection = source.open()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return export(connection, source.describe(), out, selection, gzip);
            } finally {
                connection.rollback();
            }
        }
    }

    private ExportManifest export(Connection connection, String describe, Path out, ExportSelection selection,
            boolean gzip) throws SQLException, IOException {
        SourceCatalog catalog = new SourceCatalog(connection);
        Map<String, List<ColumnDef>> tables = steps.run(JobmetaSteps.EXPORT_SNAPSHOT,
                () -> columns(catalog, selection), found -> found.size() + " tables found on " + describe);
        Optional<String> zone = steps.run(JobmetaSteps.EXPORT_TIME_ZONE, catalog::serverTimeZone,
                found -> found.map(z -> "the legacy server's TimeZone is " + z + "; zone-less timestamps mean "
                        + "that zone").orElse("the legacy server's TimeZone cannot be read by " + describe
                        + " (pg_file_settings needs superuser or pg_read_all_settings): the import will "
                        + "need --source-timezone"));
        try (ExportFileWriter writer = ExportFileWriter.create(out, clock, describe, zone.orElse(null), gzip)) {
            for (Map.Entry<String, List<ColumnDef>> table : tables.entrySet()) {
                steps.run(JobmetaSteps.EXPORT_TABLE, () -> copy(connection, writer, table.getKey(), table.getValue()),
                        section -> section.table() + ": " + section.rows() + " rows");
            }
            Optional<SequenceMark> sequence = steps.run(JobmetaSteps.EXPORT_SEQUENCE,
                    () -> catalog.versionSequence(tables.containsKey(JobmetaTables.HISTORY_TABLE)),
                    mark -> mark.map(m -> m.name() + " at " + m.lastValue() + ", max(version_key) "
                            + m.maxVersionKey()).orElse(JobmetaTables.VERSION_SEQUENCE + " absent on the source"));
            if (sequence.isPresent()) {
                writer.sequence(sequence.get());
            }
            return writer.finish();
        }
    }

    private static Map<String, List<ColumnDef>> columns(SourceCatalog catalog, ExportSelection selection)
            throws SQLException {
        Map<String, List<ColumnDef>> tables = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        for (String table : selection.tables()) {
            catalog.columns(table).ifPresentOrElse(columns -> tables.put(table, columns), () -> absent.add(table));
        }
        if (!absent.isEmpty()) {
            throw new RefusedException("the source database has no table " + String.join(", ", absent)
                    + " in schema public: leave optional ones out with --skip TABLE, or point --from at the "
                    + "legacy sqlmaestro database");
        }
        return tables;
    }

    /**
     * Streams one table with {@code COPY ... TO STDOUT}: the server sends rows continuously while they
     * are written, where a cursor would wait for each batch; another thread hashes and writes them.
     */
    private static TableSection copy(Connection connection, ExportFileWriter writer, String table,
            List<ColumnDef> columns) throws SQLException, IOException {
        writer.beginTable(table, columns);
        String sql = "COPY " + Sql.table(table) + " ("
                + Sql.columnList(columns.stream().map(ColumnDef::name).toList()) + ") TO STDOUT";
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try (RowHandoff handoff = RowHandoff.start("jobmeta export of " + table, writer::copyRow)) {
            for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                handoff.accept(row);
            }
            handoff.finish();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return writer.endTable();
    }
}
