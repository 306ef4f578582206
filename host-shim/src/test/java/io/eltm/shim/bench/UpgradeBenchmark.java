package io.eltm.shim.bench;

import io.eltm.shim.env.EnvironmentLoader;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.release.ExtractionProgress;
import io.eltm.shim.release.ReleaseSummary;
import io.eltm.shim.release.ReleaseTarball;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ServiceScripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Downtime of the guide's update-server.sh against eltm-shim upgrade, on the same machine in one go,
 * both upgrading a fresh 8.4.1 install to the ~400 MB / 3,000-file release 8.7.0 with 3 pending
 * migrations; then extraction throughput of the shim against GNU tar on that tarball. Prints
 * figures; asserts nothing (docs/performance.md). Run: see docs/performance.md.
 */
public final class UpgradeBenchmark {

    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        Path shimJar = Path.of(System.getProperty("eltm.shim.jar", "host-shim/target/eltm-shim.jar")).toAbsolutePath();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ReleaseKit kit = ReleaseKit.inUserCache();
        Path a = kit.build(SampleReleases.a());
        Path large = kit.build(SampleReleases.large());
        Path work = Files.createTempDirectory("eltm-bench-");
        ReleaseSummary summary = ReleaseTarball.of(large).validate(ExtractionLimits.DEFAULT);
        System.out.printf("release %s: %,d entries, %,d MB uncompressed, %,d MB compressed, migrations %s%n",
                summary.versionFile().version(), summary.entryCount(), summary.uncompressedBytes() / 1_000_000,
                Files.size(large) / 1_000_000, summary.migrations());

        long script = scriptDowntime(work.resolve("script"), a, large);
        JsonNode op = shimUpgrade(work.resolve("shim"), a, large, shimJar);
        long shim = op.get("downtimeMillis").asLong();

        System.out.println();
        System.out.println("downtime (start of mstop-all → first healthy probe)");
        System.out.printf("  update-server.sh (guide)   %8.3f s%n", script / 1000.0);
        System.out.printf("  eltm-shim upgrade          %8.3f s%n", shim / 1000.0);
        System.out.printf("  ratio                      %8.1f x shorter%n", (double) script / shim);
        System.out.println("eltm-shim steps");
        long inDowntime = 0;
        for (JsonNode step : op.get("steps")) {
            String name = step.get("name").asText();
            long millis = step.get("millis").asLong();
            boolean counted = List.of("stop", "start-postgres", "snapshot", "migrate", "start", "verify").contains(name);
            inDowntime += counted ? millis : 0;
            System.out.printf("  %-15s %8.3f s%s%n", name, millis / 1000.0, counted ? "  (stop/start/migration)" : "");
        }
        System.out.printf("  downtime − (stop + start + migration steps) = %.3f s (target ≤ 1 s)%n",
                (shim - inDowntime) / 1000.0);

        extraction(work.resolve("extract"), large, summary.uncompressedBytes(), rounds);
        delete(work);
    }

    private static long scriptDowntime(Path sandbox, Path a, Path large) throws Exception {
        try (SampleInstall install = SampleInstall.create(sandbox, a)) {
            InstallEnvironment env = new EnvironmentLoader(System.getenv()).load(install.envFile(), Optional.empty());
            Path script = Files.createTempFile("update-server", ".sh");
            Files.write(script, UpgradeBenchmark.class.getResourceAsStream("/bench/update-server.sh").readAllBytes());
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), large.toString(),
                    install.envFile().toString(), "2").redirectErrorStream(true);
            pb.environment().put("HOME", install.homeDir().toString());
            Process p = pb.start();
            long start = -1;
            long end = -1;
            List<String> output = new ArrayList<>();
            HealthProbe probe = new HealthProbe(new ServiceScripts(env, Duration.ofSeconds(30)), env.healthUrl(),
                    Clock.systemUTC());
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                    if (line.startsWith("DOWNTIME_START_NS=")) {
                        start = Long.parseLong(line.substring(line.indexOf('=') + 1)) / 1_000_000;
                    }
                }
            }
            if (p.waitFor() != 0 || start < 0) {
                throw new IllegalStateException("update-server.sh failed:\n" + String.join("\n", output));
            }
            // mstart-all has run; the first healthy probe ends the downtime (cleanup may still be going on)
            HealthProbe.Verdict v = probe.awaitHealthy(HEALTH_TIMEOUT,
                    io.eltm.shim.status.ReleaseInfos.read(env.installDir()).orElseThrow());
            if (!v.healthy()) {
                throw new IllegalStateException("after update-server.sh the install never became healthy: " + v.detail());
            }
            end = v.since().toEpochMilli();
            Files.delete(script);
            return end - start;
        }
    }

    private static JsonNode shimUpgrade(Path sandbox, Path a, Path large, Path jar) throws Exception {
        try (SampleInstall install = SampleInstall.create(sandbox, a)) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "upgrade", large.toString(), "--json", "--env-file",
                    install.envFile().toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("HOME", install.homeDir().toString());
            Process p = pb.start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("eltm-shim upgrade failed:\n" + String.join("\n", lines));
            }
            return new ObjectMapper().readTree(lines.get(lines.size() - 1)).get("lastOperation");
        }
    }

    private static void extraction(Path dir, Path tarball, long bytes, int rounds) throws Exception {
        List<Double> tar = new ArrayList<>();
        List<Double> shim = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            tar.add(timed(dir, () -> run(dir, "tar", "xzf", tarball.toString(), "-C", dir.toString())));
            shim.add(timed(dir, () -> new ReleaseTarball(tarball, Optional.empty())
                    .extract(dir.resolve("staging"), ExtractionLimits.DEFAULT, ExtractionProgress.NONE)));
        }
        double tarRate = bytes / 1e6 / median(tar);
        double shimRate = bytes / 1e6 / median(shim);
        System.out.println();
        System.out.printf("extraction of the same tarball, median of %d rounds%n", rounds);
        System.out.printf("  GNU tar xzf        %7.1f MB/s%n", tarRate);
        System.out.printf("  eltm-shim extract  %7.1f MB/s  (%.2f x tar, target ≥ 0.8; also verifies every rule and hashes)%n",
                shimRate, shimRate / tarRate);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Path dir, Work work) throws Exception {
        delete(dir);
        Files.createDirectories(dir);
        run(dir, "sync");
        long t0 = System.nanoTime();
        work.run();
        run(dir, "sync");
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        io.eltm.shim.engine.Trees.delete(dir);
    }
}
