package io.eltm.shim.jobmeta;

import io.eltm.shim.ExitCode;
import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The new-host side of a cutover. Everything that can be checked is checked before anything stops: the
 * file (every checksum), the plan (schema drift, time zone), the target's emptiness, the rows
 * ({@link ImportPreflight}). Then the services are
 * quiesced, every table is loaded in dependency order in one transaction with the sequences moved
 * past what was loaded, and the services resumed. A failure while loading rolls everything back.
 */
public final class JobmetaImporter {

    private final JobmetaSteps steps;
    private final ImportPreflight preflight;

    public JobmetaImporter(JobmetaStepListener listener, Clock clock) {
        this.steps = new JobmetaSteps(listener, clock);
        this.preflight = new ImportPreflight(steps);
    }

    /**
     * Reads and checks the file, then plans against the target and checks the rows; changes nothing.
     *
     * @param sourceTimeZone the operator's {@code --source-timezone}, overriding the export's
     */
    public ImportPlan plan(Path file, Database target, TranslationRules rules, Optional<String> sourceTimeZone,
            MergeMode merge) throws SQLException, IOException {
        ExportManifest manifest = readFile(file);
        return preflight.plan(manifest, file, target, rules, SourceTimeZone.of(manifest, sourceTimeZone), merge);
    }

    /**
     * @throws RefusedException before any change: bad file, unrunnable plan, rows the target would refuse,
     *                          non-empty target with {@link MergeMode#REFUSE}
     * @throws JobmetaFailedException after services were stopped: rolled back (exit 4) or not (exit 5)
     */
    public ImportResult importFile(Path file, Database target, TranslationRules rules, Optional<String> sourceTimeZone,
            MergeMode merge, CutoverServices services) throws SQLException, IOException {
        ExportManifest manifest = readFile(file);
        ImportPlan plan = preflight.plan(manifest, file, target, rules, SourceTimeZone.of(manifest, sourceTimeZone),
                merge);
        if (!plan.runnable()) {
            throw new RefusedException("import of " + file + " refused, nothing changed:\n  "
                    + String.join("\n  ", plan.problems()));
        }
        quiesce(services);
        List<TableLoad> loads;
        List<String> sequences;
        String where = "";
        try (Connection connection = target.open()) {
            connection.setAutoCommit(false);
            TableLoader loader = null;
            try {
                plan.timeZone().apply(connection);
                if (merge == MergeMode.REPLACE) {
                    deleteExisting(connection, manifest);
                }
                loader = new TableLoader(connection, plan, merge, steps);
                new ExportFileReader(file).read(loader);
                SequenceAdvancer advancer = new SequenceAdvancer(connection);
                sequences = steps.run(JobmetaSteps.SET_SEQUENCES, () -> advancer.advance(manifest),
                        moved -> moved.isEmpty() ? "no sequence needed moving" : String.join("; ", moved));
                loads = loader.loads();
                long written = loads.stream().mapToLong(TableLoad::inserted).sum();
                steps.run(JobmetaSteps.COMMIT, () -> {
                    connection.commit();
                    return null;
                }, nothing -> written + " rows committed");
            } catch (SQLException | IOException | RuntimeException e) {
                if (loader != null && loader.current() != null) {
                    where = " in table " + loader.current().table() + refusedRow(connection, file, loader, merge, e);
                }
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    // a broken connection rolls back on the server by itself; keep the first failure
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            throw resumeAfterFailure(services, "import of " + file + " failed" + where + " (" + SafeErrors.describe(e)
                    + ")", e);
        }
        resume(services, "the data of " + file + " is imported and committed");
        return new ImportResult(file.toString(), manifest.source(), loads, sequences, plan);
    }

    /** Names the row the target refused, when one row alone is refused; never fails the failure's report. */
    private static String refusedRow(Connection connection, Path file, TableLoader loader, MergeMode merge,
            Exception failure) {
        loader.abandon();
        try {
            return new RefusedRowFinder(connection, file).find(loader.current(), merge);
        } catch (SQLException | IOException | RuntimeException e) {
            failure.addSuppressed(e);
            return "";
        }
    }

    private ExportManifest readFile(Path file) throws SQLException, IOException {
        return steps.run(JobmetaSteps.READ_FILE, () -> new ExportFileReader(file).check(),
                m -> file + ": " + m.tables().size() + " tables, " + m.totalRows() + " rows, checksums match");
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
