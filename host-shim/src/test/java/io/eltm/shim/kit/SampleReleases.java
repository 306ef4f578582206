package io.eltm.shim.kit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The sample releases the tests, the demo and the benchmarks upgrade between. Build one with
 * {@code ReleaseKit.inUserCache().build(SampleReleases.b())}.
 *
 * <table>
 *   <tr><th>factory</th><th>version</th><th>migrations</th><th>notes</th></tr>
 *   <tr><td>{@link #a()}</td><td>8.4.1</td><td>V1, V2</td><td>ships {@link #A_ONLY_BIN_FILE}, {@link #A_ONLY_LIB_JAR}</td></tr>
 *   <tr><td>{@link #b()}</td><td>8.4.2</td><td>V1..V4, U3, U4</td><td>drops A's bin file and lib jar</td></tr>
 *   <tr><td>{@link #bWithoutUndo()}</td><td>8.4.3</td><td>V1..V4</td><td>no undo scripts</td></tr>
 *   <tr><td>{@link #failingMigration()}</td><td>8.5.0</td><td>V1..V4, U3, U4, V5</td><td>V5's first statement
 *       succeeds, its second fails</td></tr>
 *   <tr><td>{@link #neverHealthy()}</td><td>8.6.0</td><td>V1..V4, U3, U4</td><td>meta-service answers 503</td></tr>
 *   <tr><td>{@link #large()}</td><td>8.7.0</td><td>V1..V5, U3..U5</td><td>~400 MB in ~3,000 files</td></tr>
 * </table>
 */
public final class SampleReleases {

    /** A file under {@code bin/} that A ships and every later release drops. */
    public static final String A_ONLY_BIN_FILE = "bin/lib/legacy-migrate.sh";
    /** A lib jar that A ships and B replaces by a newer one ({@link #B_LIB_JAR}). */
    public static final String A_ONLY_LIB_JAR = "server/engine/lib/commons-text-1.10.0.jar";
    public static final String B_LIB_JAR = "server/engine/lib/commons-text-1.12.0.jar";
    /** The table V5 of {@link #failingMigration()} creates before its second statement fails. */
    public static final String FAILING_MIGRATION_TABLE = "t_step_watermark_archive";

    private static final List<String> COMMON_LIBS = List.of("slf4j-api-2.0.9.jar", "jackson-databind-2.15.2.jar",
            "spring-boot-3.2.4.jar", "jetty-server-12.0.7.jar");

    private SampleReleases() {
    }

    public static ReleaseSpec a() {
        return new ReleaseSpec("8.4.1", Instant.parse("2026-10-01T09:00:00Z"), migrations(1, 2),
                libs(fileName(A_ONLY_LIB_JAR)), List.of("lib/legacy-migrate.sh"), true, Padding.NONE, true);
    }

    public static ReleaseSpec b() {
        return new ReleaseSpec("8.4.2", Instant.parse("2026-11-01T10:15:00Z"), migrations(1, 4),
                libs(fileName(B_LIB_JAR)), List.of(), true, Padding.NONE, true);
    }

    public static ReleaseSpec bWithoutUndo() {
        return b().withoutUndo().withVersion("8.4.3");
    }

    public static ReleaseSpec failingMigration() {
        List<SampleMigration> migrations = new ArrayList<>(migrations(1, 4));
        migrations.add(SampleMigration.load(5, "archive_step_watermarks"));
        return new ReleaseSpec("8.5.0", Instant.parse("2026-11-10T08:30:00Z"), migrations,
                libs(fileName(B_LIB_JAR)), List.of(), true, Padding.NONE, true);
    }

    public static ReleaseSpec neverHealthy() {
        return b().withVersion("8.6.0").withHealthy(false);
    }

    /** About 400 MB in about 3,000 files, three migrations beyond A's (V3..V5, with undo scripts). */
    public static ReleaseSpec large() {
        List<SampleMigration> migrations = new ArrayList<>(migrations(1, 4));
        migrations.add(SampleMigration.load(5, "index_step_run_detail"));
        return new ReleaseSpec("8.7.0", Instant.parse("2026-11-20T12:00:00Z"), migrations,
                libs(fileName(B_LIB_JAR)), List.of(), true, new Padding(3_000, 400L << 20), true);
    }

    /** V1..V4 in the standard sample set (V5 differs per release). */
    static List<SampleMigration> migrations(int from, int to) {
        String[] names = {"create_job_type", "add_job_type_and_priority", "add_job_owner_email", "create_job_tag"};
        return IntStream.rangeClosed(from, to)
                .mapToObj(v -> SampleMigration.load(v, names[v - 1])).toList();
    }

    private static List<String> libs(String versioned) {
        List<String> libs = new ArrayList<>(COMMON_LIBS);
        libs.add(versioned);
        return libs;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
