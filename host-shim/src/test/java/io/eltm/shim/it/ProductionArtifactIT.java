package io.eltm.shim.it;

import io.eltm.shim.demo.DemoKits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar that goes onto production hosts carries the product only; the sample kit and its PostgreSQL
 * server binaries are {@code eltm-shim-kit.jar}, which {@code eltm-shim demo} loads from next to it.
 */
class ProductionArtifactIT {

    private static final Path KIT = ShimCli.jar().resolveSibling(DemoKits.JAR_NAME);

    @Test
    void theProductionJarCarriesNoSampleKitNoTestLibraryAndNoPostgresServer() throws IOException {
        List<String> entries = entries(ShimCli.jar());

        assertThat(entries).contains("io/eltm/shim/cli/EltmShim.class", "io/eltm/shim/demo/DemoKit.class");
        assertThat(entries).noneMatch(e -> e.startsWith("io/eltm/shim/kit/") || e.startsWith("kit/"))
                .noneMatch(e -> e.startsWith("org/junit/") || e.startsWith("org/assertj/") || e.startsWith("org/awaitility/"))
                .noneMatch(e -> e.contains("postgres-linux") || e.endsWith(".txz") || e.startsWith("io/zonky/"));
        System.out.printf("production eltm-shim.jar: %.1f MiB, %d entries; eltm-shim-kit.jar: %.1f MiB%n",
                Files.size(ShimCli.jar()) / 1048576.0, entries.size(), Files.size(KIT) / 1048576.0);
    }

    @Test
    void theKitJarCarriesTheSampleKitAndThePostgresBinariesButNoTests() throws IOException {
        List<String> entries = entries(KIT);

        assertThat(entries).contains("io/eltm/shim/kit/SampleInstall.class", "io/eltm/shim/kit/SampleDemoKit.class",
                "kit/seed.sql", "postgres-linux-x86_64.txz", "META-INF/services/io.eltm.shim.demo.DemoKit");
        assertThat(entries).noneMatch(e -> e.endsWith("IT.class") || e.endsWith("Test.class"))
                .noneMatch(e -> e.endsWith(".class") && !e.startsWith("io/eltm/shim/kit/"));
    }

    @Test
    void theDemoWithoutTheKitIsRefusedNamingWhatToBuild(@TempDir Path host) throws Exception {
        Path jar = Files.copy(ShimCli.jar(), host.resolve("eltm-shim.jar")); // a production host: the jar alone
        Path tmp = Files.createDirectories(host.resolve("tmp"));

        Demo demo = demo(jar, tmp);

        assertThat(demo.exit()).as(demo.output()).isEqualTo(3);
        assertThat(demo.output()).contains(host.resolve(DemoKits.JAR_NAME).toString(), "./mvnw -q -DskipTests package");
        try (var left = Files.list(tmp)) {
            assertThat(left).as("nothing created").isEmpty();
        }
    }

    @Test
    void theDemoUpgradesASampleInstallEndToEndWithTheKitNextToTheJar(@TempDir Path tmp) throws Exception {
        Demo demo = demo(ShimCli.jar(), tmp);

        assertThat(demo.exit()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("upgrade 8.4.1 → 8.4.2: Succeeded", "VERSION=8.4.2", "sandbox removed");
        try (var left = Files.list(tmp)) {
            assertThat(left).as("the sandbox is removed").isEmpty();
        }
    }

    private record Demo(int exit, String output) {
    }

    private static Demo demo(Path jar, Path tmp) throws IOException, InterruptedException {
        Path out = Files.createTempFile("demo", ".out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(), "demo")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("eltm-shim demo did not end within 5 minutes:\n" + Files.readString(out));
        }
        Demo demo = new Demo(p.exitValue(), Files.readString(out));
        Files.delete(out);
        return demo;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }
}
