package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves a cutover against its export file, the guide's three manual checks made exact: row-count
 * parity for every copied table, every non-empty watermark present with the same value, and the version
 * sequence past {@code max(version_key)}. Read-only.
 */
public final class JobmetaVerifier {

    private static final int NAMED_DIFFERENCES = 10;

    private final JobmetaSteps steps;

    public JobmetaVerifier(JobmetaStepListener listener, Clock clock) {
        this.steps = new JobmetaSteps(listener, clock);
    }

    public VerificationReport verify(Path file, Database target, TranslationRules rules)
            throws SQLException, IOException {
        WatermarkCollector collector = new WatermarkCollector(rules);
        ExportManifest manifest = steps.run(JobmetaSteps.READ_FILE, () -> new ExportFileReader(file).read(collector),
                m -> file + ": checksums match");
        List<VerificationReport.Check> checks = new ArrayList<>();
        try (Connection connection = target.open(); Statement statement = connection.createStatement()) {
            checks.addAll(steps.run(JobmetaSteps.VERIFY_COUNTS, () -> counts(statement, manifest),
                    c -> c.stream().filter(VerificationReport.Check::passed).count() + " of " + c.size()
                            + " tables match"));
            checks.add(steps.run(JobmetaSteps.VERIFY_WATERMARKS,
                    () -> watermarks(statement, collector.watermarks()), VerificationReport.Check::detail));
            checks.add(steps.run(JobmetaSteps.VERIFY_SEQUENCE, () -> sequence(statement, manifest),
                    VerificationReport.Check::detail));
        }
        return new VerificationReport(file.toString(), checks);
    }

    private static List<VerificationReport.Check> counts(Statement statement, ExportManifest manifest)
            throws SQLException {
        List<VerificationReport.Check> checks = new ArrayList<>();
        for (TableSection section : manifest.tables()) {
            long found = single(statement, "SELECT count(*) FROM " + Sql.table(section.table()));
            checks.add(new VerificationReport.Check("count " + section.table(), found == section.rows(),
                    section.rows() + " exported, " + found + " on the target"));
        }
        return checks;
    }

    private static VerificationReport.Check watermarks(Statement statement, Map<List<String>, String> expected)
            throws SQLException {
        Map<List<String>, String> found = new HashMap<>();
        String key = String.join(", ", JobmetaTables.WATERMARK_KEY.stream().map(c -> Sql.quote(c) + "::text").toList());
        try (ResultSet rs = statement.executeQuery("SELECT " + key + ", " + Sql.quote(JobmetaTables.WATERMARK_VALUE)
                + "::text FROM " + Sql.table(JobmetaTables.WATERMARK_TABLE))) {
            while (rs.next()) {
                found.put(Arrays.asList(rs.getString(1), rs.getString(2)), rs.getString(3));
            }
        }
        List<String> differences = new ArrayList<>();
        expected.forEach((job, value) -> {
            String there = found.get(job);
            if (!value.equals(there)) {
                differences.add(String.join("/", job) + (there == null ? " missing" : " is '" + there
                        + "', exported '" + value + "'"));
            }
        });
        differences.sort(null);
        String detail = differences.isEmpty()
                ? expected.size() + " non-empty watermarks present with the same value"
                : differences.size() + " of " + expected.size() + " non-empty watermarks differ: "
                        + String.join("; ", differences.subList(0, Math.min(NAMED_DIFFERENCES, differences.size())))
                        + (differences.size() > NAMED_DIFFERENCES ? "; ..." : "");
        return new VerificationReport.Check("watermarks", differences.isEmpty(), detail);
    }

    private static VerificationReport.Check sequence(Statement statement, ExportManifest manifest)
            throws SQLException {
        String name = "sequence " + JobmetaTables.VERSION_SEQUENCE;
        long maxKey = single(statement, "SELECT coalesce(max(" + Sql.quote(JobmetaTables.VERSION_KEY) + "), 0) FROM "
                + Sql.table(JobmetaTables.HISTORY_TABLE));
        long legacy = manifest.sequence() == null ? 0 : manifest.sequence().highWater();
        long current = single(statement, "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM "
                + Sql.table(JobmetaTables.VERSION_SEQUENCE));
        boolean passed = current >= maxKey && current >= legacy;
        return new VerificationReport.Check(name, passed, "last handed out " + current + ", max(version_key) "
                + maxKey + ", legacy high-water " + legacy
                + (passed ? "" : ": the next save would collide; run jobmeta import's sequence step again with "
                        + "SELECT setval('" + JobmetaTables.VERSION_SEQUENCE + "', " + Math.max(maxKey, legacy) + ")"));
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
