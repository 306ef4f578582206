package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything an import checks before it stops anything, and all that {@code plan} shows: the plan
 * against the target's schema, the source time zone, the target's emptiness (unless told how to merge),
 * then the rows themselves ({@link DataCheck}). Changes nothing on the target: every transaction it opens
 * is rolled back.
 */
final class ImportPreflight {

    private final JobmetaSteps steps;

    ImportPreflight(JobmetaSteps steps) {
        this.steps = steps;
    }

    ImportPlan plan(ExportManifest manifest, Path file, Database target, TranslationRules rules, SourceTimeZone zone,
            MergeMode merge) throws SQLException, IOException {
        ImportPlan plan = steps.run(JobmetaSteps.PLAN, () -> {
            try (Connection connection = target.open()) {
                connection.setAutoCommit(false);
                TargetSchema schema = new TargetSchemaReader(connection).read(manifest.tables());
                ImportPlan schemaPlan = new ImportPlanner().plan(manifest, schema, rules, zone);
                List<String> more = new ArrayList<>(zoneProblems(connection, zone));
                if (merge == MergeMode.REFUSE && schemaPlan.runnable()) {
                    more.addAll(nonEmpty(connection, manifest));
                }
                connection.rollback();
                return schemaPlan.with(more);
            }
        }, p -> p.runnable() ? "the schema fits; " + p.timeZone().describe()
                : ImportPlan.count(p.problems().size(), "problem"));
        if (!plan.runnable()) {
            return plan;
        }
        List<String> rows = steps.run(JobmetaSteps.CHECK_DATA, () -> {
            try (Connection connection = target.open()) {
                connection.setAutoCommit(false);
                try {
                    zone.apply(connection);
                    return new DataCheck(connection, plan, merge).check(file);
                } finally {
                    connection.rollback();
                }
            }
        }, found -> found.isEmpty() ? manifest.totalRows() + " rows fit the target"
                : ImportPlan.count(found.size(), "problem") + " in the rows");
        return plan.with(rows);
    }

    private static List<String> zoneProblems(Connection connection, SourceTimeZone zone) throws SQLException {
        if (!zone.known()) {
            return List.of();
        }
        StagingTable.execute(connection, "SAVEPOINT jobmeta_zone");
        try {
            zone.apply(connection);
            return List.of();
        } catch (SQLException e) {
            StagingTable.execute(connection, "ROLLBACK TO SAVEPOINT jobmeta_zone");
            if (!"22023".equals(e.getSQLState())) {
                throw e;
            }
            return List.of("the source time zone '" + zone.zone() + "' (" + zone.origin() + ") is unknown to the "
                    + "target's PostgreSQL: pass --source-timezone with a zone it knows, such as Europe/Berlin");
        }
    }

    private static List<String> nonEmpty(Connection connection, ExportManifest manifest) throws SQLException {
        List<String> nonEmpty = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (TableSection section : manifest.tables()) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + Sql.table(section.table()))) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        nonEmpty.add(section.table() + " (" + ImportPlan.count(rs.getLong(1), "row") + ")");
                    }
                }
            }
        }
        return nonEmpty.isEmpty() ? List.of() : List.of("the target already holds rows in "
                + String.join(", ", nonEmpty) + ": import into a freshly initialised install, or say how to merge: "
                + "--merge replace (deletes those rows first) or --merge keep-existing (keeps rows whose key exists)");
    }
}
