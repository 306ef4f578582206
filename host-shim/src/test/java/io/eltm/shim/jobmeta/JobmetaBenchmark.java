package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * export + import of N history rows with eltm-shim (each in its own JVM capped at {@code -Xmx256m}),
 * against {@code pg_dump --data-only} (COPY format) per table, then {@code psql -f}, on the same data in the
 * same run; and the export again with {@code --gzip}. Two real PostgreSQL servers, a legacy and a new
 * host; both targets freshly seeded. Not part of {@code ./mvnw verify}; see docs/performance.md.
 *
 * <p>Arguments: {@code [rows (default 1000000)] [heap cap (default 256m)] [shim-only] [drifted-history]};
 * {@code shim-only} skips the pg_dump/psql baseline (to measure the heap at other caps quickly);
 * {@code drifted-history} gives the source's {@code t_job_meta_history.saved_at} the legacy type
 * {@code timestamp without time zone}, so the import translates the history through its staging table.
 */
public final class JobmetaBenchmark {

    private static final Pattern PEAK = Pattern.compile("peak-heap-bytes=(\\d+)");

    private final Path work;
    private final String heap;
    private final boolean baseline;
    private final boolean driftedHistory;

    private JobmetaBenchmark(Path work, String heap, List<String> flags) {
        this.work = work;
        this.heap = heap;
        this.baseline = !flags.contains("shim-only");
        this.driftedHistory = flags.contains("drifted-history");
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "256m";
        List<String> flags = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Path work = Files.createTempDirectory("jobmeta-benchmark");
        try (PostgresServers servers = PostgresServers.start()) {
            new JobmetaBenchmark(work, heap, flags).run(servers, rows);
        } finally {
            deleteTree(work);
        }
    }

    private void run(PostgresServers servers, long rows) throws Exception {
        Database source = servers.freshModern();
        long seeding = System.nanoTime();
        seed(source, rows);
        if (driftedHistory) {
            new DatabaseProbe(source).execute("ALTER TABLE t_job_meta_history ALTER COLUMN saved_at TYPE timestamp");
        }
        System.out.printf("seeded %,d history rows in %s; t_job_meta_history is %s%n", rows,
                seconds(System.nanoTime() - seeding),
                new DatabaseProbe(source).scalar("SELECT pg_size_pretty(pg_total_relation_size('t_job_meta_history'))"));

        Database ours = servers.freshModern();
        Database theirs = servers.freshModern();

        SandboxInstall legacyHost = SandboxInstall.create(work.resolve("legacy"), source);
        SandboxInstall newHost = SandboxInstall.create(work.resolve("new"), ours);
        Path export = work.resolve("job-meta.export");
        Timed shimExport = shim("jobmeta", "export", "--env-file", legacyHost.envFile().toString(),
                "--out", export.toString());
        Timed shimExportGzip = shim("jobmeta", "export", "--env-file", legacyHost.envFile().toString(),
                "--out", work.resolve("job-meta.export.gz").toString(), "--gzip");
        Timed shimImport = shim("jobmeta", "import", export.toString(), "--env-file", newHost.envFile().toString());
        Timed shimVerify = shim("jobmeta", "verify", export.toString(), "--env-file", newHost.envFile().toString());

        Path dump = work.resolve("job-meta-export.sql");
        Timed dumpExport = new Timed(0, -1, 0, "");
        Timed psqlImport = dumpExport;
        if (baseline) {
            dumpExport = pgDump(source, dump);
            psqlImport = timed(List.of("psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
                    port(theirs), "-U", "postgres", "-d", name(theirs), "-f", dump.toString()), null);
            check(psqlImport, "psql -f");
        }

        long ourCount = new DatabaseProbe(ours).count("t_job_meta_history");
        long theirCount = baseline ? new DatabaseProbe(theirs).count("t_job_meta_history") : rows;
        System.out.println();
        System.out.printf("%-34s %12s %12s %14s%n", "", "export", "import", "export+import");
        System.out.printf("%-34s %12s %12s %14s%n", "eltm-shim jobmeta (-Xmx" + heap + ")", seconds(shimExport.nanos),
                seconds(shimImport.nanos), seconds(shimExport.nanos + shimImport.nanos));
        System.out.printf("%-34s %12s %12s %14s%n", "pg_dump --data-only + psql", seconds(dumpExport.nanos),
                seconds(psqlImport.nanos), seconds(dumpExport.nanos + psqlImport.nanos));
        System.out.printf("export alone: eltm-shim %s, pg_dump --data-only %s (%.2fx); eltm-shim --gzip %s%n",
                seconds(shimExport.nanos), seconds(dumpExport.nanos), (double) shimExport.nanos / dumpExport.nanos,
                seconds(shimExportGzip.nanos));
        System.out.printf("eltm-shim jobmeta verify: %s, exit %d%n", seconds(shimVerify.nanos), shimVerify.exit);
        System.out.printf("peak heap: export %s MiB (--gzip %s), import %s MiB, verify %s MiB (cap %s)%n",
                shimExport.peakMiB(), shimExportGzip.peakMiB(), shimImport.peakMiB(), shimVerify.peakMiB(), heap);
        System.out.printf("file sizes: jobmeta export %,d bytes (--gzip %,d); pg_dump SQL %,d bytes%n",
                Files.size(export), Files.size(work.resolve("job-meta.export.gz")), baseline ? Files.size(dump) : 0);
        System.out.printf("rows loaded: eltm-shim %,d, psql %,d (of %,d)%n", ourCount, theirCount, rows);
        if (shimExport.exit != 0 || shimImport.exit != 0 || shimVerify.exit != 0 || ourCount != rows
                || theirCount != rows) {
            throw new IllegalStateException("a benchmarked run failed; outputs are in " + work);
        }
    }

    /** The guide's loop, in COPY format: one pg_dump per table, in dependency order, and the setval line. */
    private Timed pgDump(Database source, Path dump) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (String table : JobmetaTables.DEFAULT_TABLES) {
            Timed part = timed(List.of("pg_dump", "--data-only", "--table=public." + table,
                    "-h", "localhost", "-p", port(source), "-U", "postgres", name(source)), dump);
            check(part, "pg_dump " + table);
        }
        Timed setval = timed(List.of("psql", "-X", "-tA", "-h", "localhost", "-p", port(source), "-U", "postgres",
                "-d", name(source), "-c", "SELECT 'SELECT setval(''public.seq_job_version_id'', ' || last_value "
                        + "|| ', ' || is_called || ');' FROM public.seq_job_version_id"), dump);
        check(setval, "psql setval");
        return new Timed(System.nanoTime() - start, -1, 0, "");
    }

    private Timed shim(String... args) throws IOException, InterruptedException {
        Path testClasses = Path.of(JobmetaBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path jar = testClasses.resolveSibling("eltm-shim.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -pl host-shim -DskipTests package first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", jar + ":" + testClasses, PeakHeapRunner.class.getName()));
        command.addAll(List.of(args));
        Timed timed = timed(command, null);
        System.out.println("eltm-shim " + args[0] + " " + args[1] + ":");
        timed.stderr.lines().filter(l -> l.startsWith("[")).forEach(l -> System.out.println("  " + l));
        check(timed, "eltm-shim " + args[0] + " " + args[1]);
        return timed;
    }

    private Timed timed(List<String> command, Path appendTo) throws IOException, InterruptedException {
        Path err = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.redirectOutput(appendTo == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(appendTo.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.HOURS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 2 hours");
        }
        long nanos = System.nanoTime() - start;
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Matcher peak = PEAK.matcher(stderr);
        if (process.exitValue() != 0) {
            System.err.println(stderr);
        }
        return new Timed(nanos, peak.find() ? Long.parseLong(peak.group(1)) : -1, process.exitValue(), stderr);
    }

    private static void check(Timed timed, String what) {
        if (timed.exit != 0) {
            throw new IllegalStateException(what + " exited with " + timed.exit);
        }
    }

    /**
     * The other tables at a large customer's scale, and {@code rows} history rows whose job definitions
     * are JSON-like text of 100 B to 3 KB (about 1 KB on average), little compressible.
     */
    private static void seed(Database database, long rows) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO t_jdbc (connection_name, jdbc_url, driver_class, db_user, password64)
                    SELECT 'conn_' || i, 'jdbc:postgresql://dwh' || i || ':5432/dwh', 'org.postgresql.Driver', 'etl',
                           encode(convert_to('pw-' || i, 'UTF8'), 'base64') FROM generate_series(1, 200) i;
                    INSERT INTO t_connection_general SELECT 'cloud_' || i, 'S3', 'bucket=b' || i FROM generate_series(1, 50) i;
                    INSERT INTO t_job_meta (job_name, connection_name, description, owner, job_definition, timeout_sec)
                    SELECT 'job_' || i, 'conn_' || (1 + i % 200), 'Loads table ' || i, 'owner' || (i % 40),
                           '{"steps":[' || repeat('{"sql":"' || md5(i::text) || '"},', 1 + i % 40) || '{}]}', 3600
                      FROM generate_series(1, 5000) i;
                    INSERT INTO t_job_alert_setting (job_name, alert_on, recipients)
                    SELECT 'job_' || i, 'FAILURE', 'ops@example.com' FROM generate_series(1, 2000) i;
                    INSERT INTO t_job_permissions SELECT 'job_' || i, 'user' || (i % 50), 'RUN' FROM generate_series(1, 5000) i;
                    INSERT INTO t_workflow_item SELECT 'wf_' || (i % 300), i, 'job_' || (1 + i % 5000), i % 5
                      FROM generate_series(1, 5000) i;
                    INSERT INTO t_step_watermark (job_name, step_name, watermark_value)
                    SELECT 'job_' || (1 + i % 5000), 'step_' || (i / 5000), '2024-06-01T00:00:00|id=' || i
                      FROM generate_series(0, 9999) i;
                    """);
        }
        try (Connection connection = database.open(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO t_job_meta_history (version_key, job_name, job_definition, saved_by, saved_at)
                SELECT i, 'job_' || (1 + i % 5000),
                       '{"version":' || i || ',"steps":[' || (SELECT string_agg('{"name":"step_' || j || '","sql":"SELECT * FROM src_'
                           || left(md5(i::text || j::text), 12) || ' WHERE id > ' || i * j || '"}', ',')
                           FROM generate_series(1, 1 + i % 20) j) || ']}',
                       'owner' || (i % 40), timestamptz '2018-01-01' + i * interval '1 minute'
                  FROM generate_series(?::bigint, ?::bigint) i""")) {
            for (long from = 1; from <= rows; from += 100_000) {
                insert.setLong(1, from);
                insert.setLong(2, Math.min(rows, from + 99_999));
                insert.executeUpdate();
            }
        }
        DatabaseProbe probe = new DatabaseProbe(database);
        probe.execute("SELECT setval('seq_job_version_id', " + rows + ")");
        probe.execute("VACUUM ANALYZE");
    }

    private static String port(Database database) {
        return urlPart(database, 2);
    }

    private static String name(Database database) {
        return urlPart(database, 3);
    }

    private static String urlPart(Database database, int group) {
        Matcher url = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)").matcher(database.jdbcUrl());
        if (!url.find()) {
            throw new IllegalArgumentException(database.jdbcUrl());
        }
        return url.group(group);
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private record Timed(long nanos, long peakBytes, int exit, String stderr) {
        String peakMiB() {
            return peakBytes < 0 ? "?" : String.valueOf(peakBytes / (1024 * 1024));
        }
    }
}
