package io.eltm.shim.jobmeta;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the sections of an export file into the target, inside the caller's transaction. A table whose
 * legacy rows fit as they are is streamed with {@code COPY} straight into place; any other is streamed
 * into a temporary staging table typed like the legacy table, then moved with one
 * {@code INSERT ... SELECT} that applies the plan's renames, casts and expressions.
 */
final class TableLoader implements ExportFileReader.Sink {

    private static final String STAGING = "jobmeta_staging";

    private final Connection connection;
    private final Map<String, TablePlan> plans;
    private final MergeMode merge;
    private final JobmetaSteps steps;
    private final CopyTextEncoder encoder = new CopyTextEncoder();
    private final List<TableLoad> loads = new ArrayList<>();
    private TablePlan current;
    private boolean staged;
    private PGCopyOutputStream copy;
    private Instant began;

    TableLoader(Connection connection, ImportPlan plan, MergeMode merge, JobmetaSteps steps) {
        this.connection = connection;
        this.plans = plan.tables().stream().collect(Collectors.toMap(TablePlan::table, Function.identity()));
        this.merge = merge;
        this.steps = steps;
    }

    List<TableLoad> loads() {
        return List.copyOf(loads);
    }

    /** The table being loaded when a failure struck, for the message. */
    String current() {
        return current == null ? null : current.table();
    }

    @Override
    public boolean beginTable(TableSection declared) throws SQLException {
        current = plans.get(declared.table());
        began = steps.begin(JobmetaSteps.LOAD_TABLE);
        staged = !current.direct() || merge == MergeMode.KEEP_EXISTING;
        if (staged) {
            String columns = current.staging().stream().map(c -> Sql.quote(c.name()) + " " + c.type())
                    .collect(Collectors.joining(", "));
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE " + STAGING + " (" + columns + ") ON COMMIT DROP");
            }
        }
        copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "COPY "
                + (staged ? STAGING : Sql.table(current.table())) + " ("
                + Sql.columnList(current.staging().stream().map(ColumnDef::name).toList()) + ") FROM STDIN",
                1 << 16);
        return true;
    }

    @Override
    public void row(String[] values) throws IOException {
        copy.write(encoder.encode(values));
    }

    @Override
    public void endTable(TableSection section) throws SQLException, IOException {
        long copied = copy.endCopy();
        copy = null;
        long inserted = copied;
        if (staged) {
            try (Statement statement = connection.createStatement()) {
                inserted = statement.executeUpdate(insert());
                statement.execute("DROP TABLE " + STAGING);
            }
        }
        if (merge != MergeMode.KEEP_EXISTING && inserted != section.rows()) {
            throw new SQLException("table " + section.table() + ": " + inserted + " rows inserted of "
                    + section.rows() + " exported (" + copied + " copied)");
        }
        loads.add(new TableLoad(section.table(), section.rows(), inserted));
        steps.end(JobmetaSteps.LOAD_TABLE, began, section.table() + ": " + inserted + " of " + section.rows()
                + " rows inserted");
        current = null;
    }

    private String insert() {
        List<ColumnTranslation> columns = current.columns();
        return "INSERT INTO " + Sql.table(current.table())
                + " (" + Sql.columnList(columns.stream().map(ColumnTranslation::target).toList()) + ")"
                + " OVERRIDING SYSTEM VALUE SELECT "
                + columns.stream().map(ColumnTranslation::sql).collect(Collectors.joining(", "))
                + " FROM " + STAGING
                + (merge == MergeMode.KEEP_EXISTING ? " ON CONFLICT DO NOTHING" : "");
    }
}
