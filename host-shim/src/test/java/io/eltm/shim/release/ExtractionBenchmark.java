package io.eltm.shim.release;

import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Compares {@link ReleaseTarball#extract} with GNU {@code tar xzf} on a generated release of about
 * 400 MB in 3,000 files (70% incompressible jar-like bytes, 30% text), written by {@code tar czf}.
 * Usage: {@code java -cp <test-classes:classes:deps> io.eltm.shim.release.ExtractionBenchmark [workDir] [rounds]}.
 */
public final class ExtractionBenchmark {

    private static final int FILES = 3_000;
    private static final long TOTAL_BYTES = 400L * 1000 * 1000;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"), "eltm-bench");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path tarball = work.resolve("eltm-portable-9.0.0.tar.gz");
        if (!Files.exists(tarball)) {
            Path tree = generateTree(work.resolve("tree"));
            run(work, "tar", "czf", tarball.toString(), "-C", tree.getParent().toString(), tree.getFileName().toString());
            PathUtils.deleteDirectory(tree);
        }
        long compressed = Files.size(tarball);
        System.out.printf("tarball %s: %.1f MB compressed%n", tarball, compressed / 1e6);
        for (int round = 1; round <= rounds; round++) {
            Path tarOut = work.resolve("out-tar");
            Files.createDirectories(tarOut);
            settle(work);
            long start = System.nanoTime();
            run(work, "tar", "xzf", tarball.toString(), "-C", tarOut.toString());
            double tarSeconds = (System.nanoTime() - start) / 1e9;
            PathUtils.deleteDirectory(tarOut);

            Path ours = work.resolve("out-shim");
            settle(work);
            start = System.nanoTime();
            ReleaseSummary summary = ReleaseTarball.of(tarball).extract(ours, ExtractionLimits.DEFAULT,
                    ExtractionProgress.NONE);
            double shimSeconds = (System.nanoTime() - start) / 1e9;
            PathUtils.deleteDirectory(ours);

            double megabytes = summary.uncompressedBytes() / 1e6;
            System.out.printf("round %d: %d entries, %.0f MB: tar xzf %.2f s = %.0f MB/s | eltm-shim extract %.2f s "
                            + "= %.0f MB/s | ratio %.2f%n", round, summary.entryCount(), megabytes, tarSeconds,
                    megabytes / tarSeconds, shimSeconds, megabytes / shimSeconds, tarSeconds / shimSeconds);
        }
    }

    private static Path generateTree(Path tree) throws IOException {
        Path root = tree.resolve("eltm-portable-9.0.0");
        SplittableRandom random = new SplittableRandom(42);
        Files.createDirectories(root);
        Files.writeString(root.resolve("VERSION"), "VERSION=9.0.0\nBUILT_AT=2026-11-01T10:15:00Z\nGIT_SHA=abc\n");
        String[] dirs = {"server/engine/lib", "library/JDBC", "server/utils", "server/webserver/admin", "bin",
            "server/pgsql.factory/metadata", "library/JDBC/extra"};
        long perFile = TOTAL_BYTES / FILES;
        for (int i = 0; i < FILES; i++) {
            Path dir = root.resolve(dirs[i % dirs.length]).resolve("d" + (i % 40));
            Files.createDirectories(dir);
            int size = (int) (perFile / 4 + random.nextLong(perFile * 3 / 2));
            boolean text = i % 10 < 3;
            try (OutputStream out = Files.newOutputStream(dir.resolve("f" + i + (text ? ".xml" : ".jar")))) {
                out.write(text ? text(size, random) : bytes(size, random));
            }
        }
        return root;
    }

    private static byte[] bytes(int size, SplittableRandom random) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i += 8) {
            long value = random.nextLong();
            for (int b = 0; b < 8 && i + b < size; b++) {
                bytes[i + b] = (byte) (value >>> (8 * b));
            }
        }
        return bytes;
    }

    private static byte[] text(int size, SplittableRandom random) {
        StringBuilder text = new StringBuilder(size + 100);
        while (text.length() < size) {
            text.append("<property name=\"key").append(random.nextInt(5000)).append("\" value=\"")
                    .append(Long.toHexString(random.nextLong())).append("\"/>\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    // Writes back the previous round's dirty pages so neither contender pays for the other's writes.
    private static void settle(Path work) throws IOException, InterruptedException {
        run(work, "sync");
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
    }
}
