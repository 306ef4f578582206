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
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path tarball = work.resolve("eltm-portable-9.0.0.tar.gz");
        if (!Files.exists(tarball)) {
            Path tree = generateTree(work.resolve("tree"));
            run(work, "tar", "czf", tarball.toString(), "-C", tree.getParent().toString(), tree.getFileName().toString());
            PathUtils.deleteDirectory(tree);
        }
        long compressed = Files.size(tarball);
        System.out.printf("tarball %s: %.1f MB compressed%n", tarball, compressed / 1e6);
        double[] tarTimes = new double[rounds];
        double[] shimTimes = new double[rounds];
        long uncompressed = 0;
        for (int round = 0; round < rounds; round++) {
            // Alternate who goes first, so neither always inherits the other's writeback.
            if (round % 2 == 0) {
                tarTimes[round] = timeTar(work, tarball);
                shimTimes[round] = timeShim(work, tarball);
            } else {
                shimTimes[round] = timeShim(work, tarball);
                tarTimes[round] = timeTar(work, tarball);
            }
            uncompressed = ReleaseTarball.of(tarball).validate(ExtractionLimits.DEFAULT).uncompressedBytes();
            System.out.printf("round %d: tar xzf %.2f s = %.0f MB/s | eltm-shim extract %.2f s = %.0f MB/s%n",
                    round + 1, tarTimes[round], uncompressed / 1e6 / tarTimes[round], shimTimes[round],
                    uncompressed / 1e6 / shimTimes[round]);
        }
        double tarMedian = median(tarTimes);
        double shimMedian = median(shimTimes);
        System.out.printf("median of %d rounds, %.0f MB uncompressed: tar xzf %.0f MB/s, eltm-shim %.0f MB/s, "
                + "ratio %.2f%n", rounds, uncompressed / 1e6, uncompressed / 1e6 / tarMedian,
                uncompressed / 1e6 / shimMedian, tarMedian / shimMedian);
    }

    private static double timeTar(Path work, Path tarball) throws IOException, InterruptedException {
        Path out = work.resolve("out-tar");
        Files.createDirectories(out);
        settle(work);
        long start = System.nanoTime();
        run(work, "tar", "xzf", tarball.toString(), "-C", out.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        PathUtils.deleteDirectory(out);
        return seconds;
    }

    private static double timeShim(Path work, Path tarball) throws IOException, InterruptedException {
        Path out = work.resolve("out-shim");
        settle(work);
        long start = System.nanoTime();
        ReleaseTarball.of(tarball).extract(out, ExtractionLimits.DEFAULT, ExtractionProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        PathUtils.deleteDirectory(out);
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
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
