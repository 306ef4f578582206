package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.kit.ServicePids;
import io.eltm.shim.release.TestTarball;

import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everything refused before any change (exit 3): every unsafe tarball of contract §4, a wrong
 * --sha256, a missing env file, a second concurrent upgrade. The services keep running (same PIDs),
 * the install is unchanged, and nothing is written outside the tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalIT {

    @TempDir
    static Path sandbox;
    @TempDir
    static Path tarballs;

    private SampleInstall install;
    private ShimCli shim;
    private ServicePids pids;
    private Map<String, String> files;
    private Map<String, String> home;

    @BeforeAll
    void installA() {
        install = SampleInstall.create(sandbox, ReleaseKit.inUserCache().build(SampleReleases.a()));
        shim = new ShimCli(install);
    }

    @AfterAll
    void removeInstall() {
        install.close();
    }

    @BeforeEach
    void rememberTheInstall() {
        pids = install.servicePids();
        files = InstallTree.files(install.installDir(), rel -> !rel.startsWith("server/pgsql/data/")
                && !rel.startsWith("transient/eltm-shim/") && !InstallTree.SERVICE_LOGS.contains(rel));
        home = InstallTree.files(install.homeDir());
    }

    Stream<Arguments> unsafeTarballs() {
        return Stream.of(
                Arguments.of("absolute path", release().rawFile("/etc/cron.d/evil", "x"), "/etc/cron.d/evil"),
                Arguments.of("'..' component", release().file("bin/../../escape", "x", 0644), "bin/../../escape"),
                Arguments.of("symlink leaving the tree", release().symlink("bin/passwd", "../../../etc/passwd"),
                        "bin/passwd"),
                Arguments.of("hard link leaving the tree", release().hardLink("bin/shadow", "/etc/shadow"), "bin/shadow"),
                // the two reproduced on main: a file written outside the install during stage, a link to /etc installed
                Arguments.of("hard link to a symlink, written through",
                        release().symlink("server/pgsql.factory/metadata/up", "../../..")
                                .hardLink("bin/h", "eltm-portable-9.0.0/server/pgsql.factory/metadata/up")
                                .file("bin/h/eltm-escape/FILE", "x", 0644), "bin/h"),
                Arguments.of("symlink leaving through an earlier link",
                        release().symlink("bin/r", "..").symlink("bin/e", "r/../../etc"), "bin/e"),
                Arguments.of("character device", release().special("bin/tty", TarConstants.LF_CHR), "bin/tty"),
                Arguments.of("block device", release().special("bin/sda", TarConstants.LF_BLK), "bin/sda"),
                Arguments.of("fifo", release().special("bin/pipe", TarConstants.LF_FIFO), "bin/pipe"),
                Arguments.of("no VERSION", TestTarball.under("eltm").dir("server/engine").file("server/engine/a.jar", "a",
                        0644), "VERSION"),
                Arguments.of("no server/engine", TestTarball.under("eltm").file("VERSION", "VERSION=9.0.0\n", 0644)
                        .file("bin/x.sh", "x", 0755), "server/engine"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeTarballs")
    void refusesAnUnsafeTarballNamingTheEntry(String what, TestTarball tarball, String named) throws IOException {
        Path file = tarball.writeTo(tarballs.resolve(what.replaceAll("\\W", "_") + ".tar.gz"));

        assertRefusedUntouched(shim.run("upgrade", file.toString()), named);
    }

    @Test
    void refusesATruncatedArchive() throws IOException {
        Path file = ReleaseKit.inUserCache().build(SampleReleases.b());
        Path truncated = Files.copy(file, tarballs.resolve("truncated.tar.gz"));
        try (RandomAccessFile raf = new RandomAccessFile(truncated.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        assertRefusedUntouched(shim.run("upgrade", truncated.toString()), "truncated or corrupt");
    }

    @Test
    void refusesACorruptArchive() throws IOException {
        Path corrupt = Files.copy(ReleaseKit.inUserCache().build(SampleReleases.b()), tarballs.resolve("corrupt.tar.gz"));
        byte[] bytes = Files.readAllBytes(corrupt);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        Files.write(corrupt, bytes);

        // gzip's CRC sits at the end, so garbage may first show as a nonsensical entry: refused either way
        assertRefusedUntouched(shim.run("upgrade", corrupt.toString()), "corrupt.tar.gz");
    }

    @Test
    void refusesAMissingTarballNamingItAndShowsTheVersionsItCouldNotReadAsUnknown() {
        Path missing = tarballs.resolve("eltm-portable-9.9.9.tar.gz");

        ShimCli.Run run = shim.run("upgrade", missing.toString());

        assertRefusedUntouched(run, missing.toString());
        assertThat(run.stderr()).contains("upgrade ? → ?: Refused (services not touched)");
    }

    @Test
    void refusesAWrongSha256NamingBothChecksums() {
        Path b = ReleaseKit.inUserCache().build(SampleReleases.b());

        assertRefusedUntouched(shim.run("upgrade", b.toString(), "--sha256", "0".repeat(64)), "0".repeat(64));
    }

    @Test
    void refusesAnArchiveOverTheSizeLimit() {
        Path b = ReleaseKit.inUserCache().build(SampleReleases.b());

        assertRefusedUntouched(shim.run(Map.of("ELTM_SHIM_MAX_RELEASE_BYTES", "10000"), "upgrade", b.toString()),
                "10000");
    }

    // On main an OutOfMemoryError while reading a tarball escaped the engine: not a refusal, staging left behind.
    @Test
    void refusesATarballThatExhaustsTheMemoryAsARefusal() throws IOException {
        // Names just over the 100 bytes of a tar header, each in a directory of its own: every entry costs the
        // extractor a few hundred bytes of bookkeeping, and 150,000 of them (under the entry limit) more than
        // 64 MB. (Names of kilobytes would do it with fewer entries, but commons-compress writes their
        // headers in quadratic time.)
        TestTarball heavy = release();
        String tail = "/" + "m".repeat(60);
        for (int i = 0; i < 150_000; i++) {
            heavy.symlink("bin/" + i + "-" + "n".repeat(60) + tail, "../../x");
        }
        Path file = heavy.writeTo(tarballs.resolve("heavy.tar.gz"));

        ShimCli.Run run = shim.run(Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"), "upgrade", file.toString());

        assertRefusedUntouched(run, "more memory than this JVM has");
    }

    @Test
    void refusesAMissingEnvFile() {
        ShimCli.Run run = shim.run("status", "--env-file", sandbox.resolve("nowhere/.env_integrator").toString());

        assertRefusedUntouched(run, "nowhere/.env_integrator");
    }

    @Test
    void refusesASecondUpgradeWhileOneRuns() throws Exception {
        Path b = ReleaseKit.inUserCache().build(SampleReleases.b());
        Path marker = install.installDir().resolve("transient/eltm-shim/halted");
        Process first = shim.start(Map.of("ELTM_SHIM_HALT_AT", "preflight:after"), sandbox.resolve("first.out"),
                sandbox.resolve("first.err"), "upgrade", b.toString());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker) || !first.isAlive());

            ShimCli.Run second = shim.run("upgrade", b.toString());

            assertThat(second.exit()).as(second.toString()).isEqualTo(3);
            assertThat(second.stderr()).contains("another eltm-shim operation is running").contains("pid");
            assertThat(install.servicePids()).isEqualTo(pids);
        } finally {
            first.destroyForcibly().waitFor();
        }
        ShimCli.Run status = shim.run("status", "--json");
        assertThat(status.lastJson().at("/lastOperation/result").asText()).isEqualTo("Refused");
        assertThat(install.servicePids()).isEqualTo(pids);
    }

    private static TestTarball release() {
        return TestTarball.release(TestTarball.under("eltm-portable-9.0.0"), "9.0.0");
    }

    private void assertRefusedUntouched(ShimCli.Run run, String named) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains(named).as("no unknown value printed as null").doesNotContain("null");
        assertThat(install.servicePids()).isEqualTo(pids);
        assertThat(InstallTree.files(install.installDir(), rel -> !rel.startsWith("server/pgsql/data/")
                && !rel.startsWith("transient/eltm-shim/") && !InstallTree.SERVICE_LOGS.contains(rel))).isEqualTo(files);
        assertThat(InstallTree.files(install.homeDir())).isEqualTo(home);
        assertThat(leftovers(install.installDir().resolve("transient/eltm-shim/ops"))).isEmpty();
        assertThat(leftovers(shim.tmpDir())).isEmpty();
        assertThat(install.installDir().resolve("transient/eltm-shim/eltm-escape")).doesNotExist();
    }

    private static List<Path> leftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
