package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy side of a cutover: streams the selected tables and the version sequence from one
 * consistent snapshot (a read-only repeatable-read transaction) into an export file. Rows are fetched
 * in batches and written as they arrive, so memory stays flat however large the history is.
 */
public final class JobmetaExporter {

    private static final int FETCH_SIZE = 2000;

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
    public ExportManifest export(Database source, Path out, ExportSelection selection)
            throws SQLException, IOException {
        try (Connection connection = source.open()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return export(connection, source.describe(), out, selection);
            } finally {
                connection.rollback();
            }
        }
    }

    private ExportManifest export(Connection connection, String describe, Path out, ExportSelection selection)
            throws SQLException, IOException {
        SourceCatalog catalog = new SourceCatalog(connection);
        Map<String, List<ColumnDef>> tables = steps.run(JobmetaSteps.EXPORT_SNAPSHOT,
                () -> columns(catalog, selection), found -> found.size() + " tables found on " + describe);
        try (ExportFileWriter writer = ExportFileWriter.create(out, clock, describe)) {
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

    private static TableSection copy(Connection connection, ExportFileWriter writer, String table,
            List<ColumnDef> columns) throws SQLException, IOException {
        writer.beginTable(table, columns);
        String select = "SELECT " + Sql.columnList(columns.stream().map(ColumnDef::name).toList())
                + " FROM " + Sql.table(table);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(select)) {
                String[] values = new String[columns.size()];
                while (rs.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getString(i + 1);
                    }
                    writer.row(values);
                }
            }
        }
        return writer.endTable();
    }
}
