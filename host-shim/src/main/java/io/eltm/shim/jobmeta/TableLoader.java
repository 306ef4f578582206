package io.eltm.shim.jobmeta;

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
 * Loads the sections of an export file into the target, inside the caller's transaction, each table
 * under its own savepoint (so that a refused row can be looked for with the earlier tables in place).
 * A table whose legacy rows fit as they are is streamed with {@code COPY} straight into place; any other
 * is streamed into a temporary staging table typed like the legacy table, then moved with one
 * {@code INSERT ... SELECT} that applies the plan's renames, casts and expressions. Rows are passed on
 * as the export holds them (COPY text), never parsed.
 */
final class TableLoader implements ExportFileReader.Sink {

    static final String SAVEPOINT = "jobmeta_table";
    private static final String STAGING = "jobmeta_staging";

    private final Connection connection;
    private final Map<String, TablePlan> plans;
    private final MergeMode merge;
    private final JobmetaSteps steps;
    private final List<TableLoad> loads = new ArrayList<>();
    private TablePlan current;
    private StagingTable staging;
    private CopyIn copy;
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

    /** The table being loaded when a failure struck. */
    TablePlan current() {
        return current;
    }

    /** After a failure: ends a COPY still under way, so that the transaction can roll back to the savepoint. */
    void abandon() {
        if (copy != null) {
            copy.abandon();
        }
        copy = null;
    }

    @Override
    public boolean beginTable(TableSection declared) throws SQLException {
        current = plans.get(declared.table());
        began = steps.begin(JobmetaSteps.LOAD_TABLE);
        StagingTable.execute(connection, "SAVEPOINT " + SAVEPOINT);
        boolean staged = !current.direct() || merge == MergeMode.KEEP_EXISTING;
        if (staged) {
            staging = StagingTable.create(connection, STAGING, current);
            copy = staging.copyIn();
        } else {
            staging = null;
            copy = new CopyIn(connection, Sql.table(current.table()), current);
        }
        return true;
    }

    @Override
    public void row(byte[] line, int length) throws IOException {
        copy.row(line, length);
    }

    @Override
    public void endTable(TableSection section) throws SQLException, IOException {
        long copied = copy.end();
        copy = null;
        long inserted = copied;
        if (staging != null) {
            try (Statement statement = connection.createStatement()) {
                inserted = statement.executeUpdate(staging.insertInto(Sql.table(current.table()),
                        merge == MergeMode.KEEP_EXISTING, false));
                statement.execute("DROP TABLE " + STAGING);
            }
        }
        if (merge != MergeMode.KEEP_EXISTING && inserted != section.rows()) {
            throw new SQLException("table " + section.table() + ": " + inserted + " rows inserted of "
                    + section.rows() + " exported (" + copied + " copied)");
        }
        loads.add(new TableLoad(section.table(), section.rows(), inserted));
        steps.end(JobmetaSteps.LOAD_TABLE, began, section.table() + ": " + inserted + " of "
                + ImportPlan.count(section.rows(), "row") + " inserted"
                + (inserted < section.rows() ? ", " + (section.rows() - inserted) + " kept from the target" : ""));
        current = null;
        staging = null;
    }
}
