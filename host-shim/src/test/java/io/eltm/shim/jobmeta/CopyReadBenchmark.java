package io.eltm.shim.jobmeta;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Where a large COPY's time goes, in one JVM against one real PostgreSQL: the same {@code COPY h TO STDOUT}
 * read and dropped ({@code discard}), hashed and written on the reading thread ({@code one-thread}, the
 * export before {@link RowHandoff}), hashed and written through {@link RowHandoff} ({@code handoff}), and
 * {@code pg_dump --data-only} of the table to a file. Rows of about 900 bytes, as in {@link JobmetaBenchmark}.
 * Not part of {@code ./mvnw verify}; see docs/performance.md.
 *
 * <p>Arguments: {@code [rows (default 1000000)] [rounds (default 6)]}.
 */
public final class CopyReadBenchmark {

    private CopyReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table h(version_key bigint primary key, job_name text, definition text, "
                        + "saved_at timestamptz)");
                s.execute("insert into h select i, 'job-' || (i % 5000), repeat(md5(i::text), 1 + (i % 56)), now() "
                        + "from generate_series(1, " + rows + ") i");
                s.execute("vacuum analyze h");
            }
            Path out = Files.createTempFile("copy-read-benchmark", ".out");
            try {
                for (int round = 1; round <= rounds; round++) {
                    for (String mode : new String[] {"discard", "one-thread", "handoff"}) {
                        long start = System.nanoTime();
                        copy(c, mode, out);
                        System.out.printf("round %d %-10s %5.2f s%n", round, mode, (System.nanoTime() - start) / 1e9);
                    }
                    long start = System.nanoTime();
                    Process dump = new ProcessBuilder("pg_dump", "-h", "localhost", "-p", String.valueOf(pg.getPort()),
                            "-U", "postgres", "--data-only", "--table=public.h", "-f", out.toString(), "postgres")
                            .inheritIO().start();
                    if (dump.waitFor() != 0) {
                        throw new IllegalStateException("pg_dump exited " + dump.exitValue());
                    }
                    System.out.printf("round %d %-10s %5.2f s%n", round, "pg_dump", (System.nanoTime() - start) / 1e9);
                }
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    private static void copy(Connection c, String mode, Path out) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream file = mode.equals("discard") ? OutputStream.nullOutputStream()
                : new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY h TO STDOUT");
            RowHandoff.RowSink sink = row -> {
                digest.update(row);
                file.write(row);
            };
            if (mode.equals("handoff")) {
                try (RowHandoff handoff = RowHandoff.start("benchmark writer", sink)) {
                    for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                        handoff.accept(row);
                    }
                    handoff.finish();
                }
            } else {
                for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                    if (mode.equals("one-thread")) {
                        sink.accept(row);
                    }
                }
            }
        }
    }
}
