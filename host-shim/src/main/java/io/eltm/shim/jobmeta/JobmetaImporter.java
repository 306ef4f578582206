package io.eltm.shim.jobmeta;

import io.eltm.shim.ExitCode;
import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The new-host side of a cutover. Everything that can be checked is checked before anything stops: the
 * file (every checksum), the plan (schema drift), the target's emptiness. Then the services are
 * quiesced, every table is loaded in dependency order in one transaction with the sequences moved
 * past what was loaded, and the services resumed. A failure while loading rolls everything back.
 */
public final class JobmetaImporter {

    private final JobmetaSteps steps;

    public JobmetaImporter(JobmetaStepListener listener, Clock clock) {
        this.steps = new JobmetaSteps(listener, clock);
    }

    /** Reads and checks the file, then plans against the target; changes nothing. */
    public ImportPlan plan(Path file, Database target, TranslationRules rules) throws SQLException, IOException {
        ExportManifest manifest = readFile(file);
        return plan(manifest, target, rules);
    }

    /**
     * @throws RefusedException before any change: bad file, unrunnable plan, non-empty target with
     *                          {@link MergeMode#REFUSE}
     * @throws JobmetaFailedException after services were stopped: rolled back (exit 4) or not (exit 5)
     */
    public ImportResult importFile(Path file, Database target, TranslationRules rules, MergeMode merge,
            CutoverServices services) throws SQLException, IOException {
        ExportManifest manifest = readFile(file);
        ImportPlan plan = plan(manifest, target, rules);
        if (!plan.runnable()) {
            throw new RefusedException("import of " + file + " refused, nothing changed:\n  "
                    + String.join("\n  ", plan.problems()));
        }
        if (merge == MergeMode.REFUSE) {
            refuseNonEmpty(target, manifest);
        }
        quiesce(services);
        List<TableLoad> loads;
        List<String> sequences;
        TableLoader loader = null;
        try (Connection connection = target.open()) {
            connection.setAutoCommit(false);
            try {
                if (merge == MergeMode.REPLACE) {
                    deleteExisting(connection, manifest);
                }
                loader = new TableLoader(connection, plan, merge, steps);
                new ExportFileReader(file).read(loader);
                SequenceAdvancer advancer = new SequenceAdvancer(connection);
                sequences = steps.run(JobmetaSteps.SET_SEQUENCES, () -> advancer.advance(manifest),
                        moved -> moved.isEmpty() ? "no sequence needed moving" : String.join("; ", moved));
                steps.run(JobmetaSteps.COMMIT, () -> {
                    connection.commit();
                    return null;
                }, nothing -> manifest.totalRows() + " rows committed");
                loads = loader.loads();
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    // a broken connection rolls back on the server by itself; keep the first failure
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            String where = loader == null || loader.current() == null ? "" : " in table " + loader.current();
            throw resumeAfterFailure(services, "import of " + file + " failed" + where + ": " + e.getMessage(), e);
        }
        resume(services, "the data of " + file + " is imported and committed");
        return new ImportResult(file.toString(), manifest.source(), loads, sequences, plan);
    }

    private ExportManifest readFile(Path file) throws SQLException, IOException {
        return steps.run(JobmetaSteps.READ_FILE, () -> new ExportFileReader(file).check(),
                m -> file + ": " + m.tables().size() + " tables, " + m.totalRows() + " rows, checksums match");
    }

    private ImportPlan plan(ExportManifest manifest, Database target, TranslationRules rules)
            throws SQLException, IOException {
        return steps.run(JobmetaSteps.PLAN, () -> {
            try (Connection connection = target.open()) {
                connection.setAutoCommit(false);
                TargetSchema schema = new TargetSchemaReader(connection).read(manifest.tables());
                connection.rollback();
                return new ImportPlanner().plan(manifest, schema, rules);
            }
        }, p -> p.runnable() ? "runnable" : p.problems().size() + " problems");
    }

    private static void refuseNonEmpty(Database target, ExportManifest manifest) throws SQLException {
        List<String> nonEmpty = new ArrayList<>();
        try (Connection connection = target.open(); Statement statement = connection.createStatement()) {
            for (TableSection section : manifest.tables()) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + Sql.table(section.table()))) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        nonEmpty.add(section.table() + " (" + rs.getLong(1) + " rows)");
                    }
                }
            }
        }
        if (!nonEmpty.isEmpty()) {
            throw new RefusedException("the target already holds rows in " + String.join(", ", nonEmpty)
                    + ": import into a freshly initialised install, or say how to merge: --merge replace "
                    + "(deletes those rows first) or --merge keep-existing (keeps rows whose key exists)");
        }
    }

    private void deleteExisting(Connection connection, ExportManifest manifest) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int i = manifest.tables().size() - 1; i >= 0; i--) {
                statement.executeUpdate("DELETE FROM " + Sql.table(manifest.tables().get(i).table()));
            }
        }
    }

    private void quiesce(CutoverServices services) throws SQLException, IOException {
        try {
            steps.run(JobmetaSteps.QUIESCE, () -> {
                services.quiesce();
                return null;
            }, nothing -> "engine and meta-service stopped, PostgreSQL up");
        } catch (IOException e) {
            throw resumeAfterFailure(services, "quiescing the target's services failed: " + e.getMessage(), e);
        }
    }

    /** Restarts the services after a failure that left the database as before; says what state remains. */
    private static JobmetaFailedException resumeAfterFailure(CutoverServices services, String failure,
            Exception cause) {
        try {
            services.resume();
        } catch (IOException | RuntimeException resumeFailure) {
            cause.addSuppressed(resumeFailure);
            return new JobmetaFailedException(failure + "; the target database is as before, but its services "
                    + "did not start again (" + resumeFailure.getMessage() + "): start them with mstart-all",
                    ExitCode.FAILED, cause);
        }
        return new JobmetaFailedException(failure + "; the target is as before and its services run again",
                ExitCode.ROLLED_BACK, cause);
    }

    private void resume(CutoverServices services, String done) throws SQLException {
        try {
            steps.run(JobmetaSteps.RESUME, () -> {
                services.resume();
                return null;
            }, nothing -> "services started");
        } catch (IOException e) {
            throw new JobmetaFailedException(done + ", but the services did not start (" + e.getMessage()
                    + "): start them with mstart-all, then run jobmeta verify", ExitCode.FAILED, e);
        }
    }
}
