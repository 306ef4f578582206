package io.eltm.shim.it;

import io.eltm.shim.engine.CheckReport;
import io.eltm.shim.engine.ReleaseCheck;
import io.eltm.shim.env.EnvironmentLoader;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.release.TestTarball;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code eltm-shim check} against a real install: it exits 0 only when the upgrade would not refuse
 * (same Flyway validation, same space rules, same tarball rules), names a bad tarball even with
 * Postgres down, lists the files the upgrade would take away, and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckIT {

    private static final String SITE_DRIVER = "library/JDBC/ojdbc11-site.jar";
    private static final String SITE_SCRIPT = "bin/site-backup.sh";

    @TempDir
    static Path sandbox;
    @TempDir
    static Path tarballs;

    private SampleInstall install;
    private ShimCli shim;
    private Path b;

    @BeforeAll
    void installA() {
        install = SampleInstall.create(sandbox, ReleaseKit.inUserCache().build(SampleReleases.a()));
        shim = new ShimCli(install);
        b = ReleaseKit.inUserCache().build(SampleReleases.b());
    }

    @AfterAll
    void removeInstall() {
        install.close();
    }

    // On main the DB was never mentioned once the tarball was refused.
    @Test
    void namesTheBadEntryAndTheUnreachableDatabaseWhenPostgresIsDown() throws IOException {
        Path hostile = TestTarball.release(TestTarball.under("eltm-portable-9.0.0"), "9.0.0")
                .symlink("bin/r", "..").symlink("bin/e", "r/../../etc").writeTo(tarballs.resolve("hostile.tar.gz"));
        assertThat(install.runScript("mstop-pgsql").exitCode()).isZero();
        try {
            ShimCli.Run bad = shim.run("check", hostile.toString());
            ShimCli.Run good = shim.run("check", b.toString());

            assertThat(bad.exit()).as(bad.toString()).isEqualTo(3);
            assertThat(bad.stderr()).contains("entry 'eltm-portable-9.0.0/bin/e'").contains("leaves the release tree")
                    .contains("audit DB").contains("is unreachable");
            assertThat(good.exit()).as(good.toString()).isEqualTo(3);
            assertThat(good.stderr()).contains("is unreachable").contains("mstart-pgsql");
        } finally {
            assertThat(install.runScript("mstart-pgsql").exitCode()).isZero();
        }
    }

    // On main check exited 0 while the upgrade refused in Flyway's validation.
    @Test
    void refusesAReleaseWhoseAppliedMigrationChangedAsTheUpgradeDoes() throws IOException {
        // V1 to V4 are applied here; this release ships other files under those versions, and a V5 to apply
        Path edited = TestTarball.release(TestTarball.under("eltm-portable-9.0.0"), "9.0.0")
                .file("server/pgsql.factory/migrations/V3__other.sql", "select 3;", 0644)
                .file("server/pgsql.factory/migrations/V4__other.sql", "select 4;", 0644)
                .file("server/pgsql.factory/migrations/V5__new.sql", "select 5;", 0644)
                .writeTo(tarballs.resolve("other-v1.tar.gz"));

        ShimCli.Run check = shim.run("check", edited.toString());
        ShimCli.Run upgrade = shim.run("upgrade", edited.toString());

        assertThat(check.exit()).as(check.toString()).isEqualTo(3);
        assertThat(check.stderr()).contains("do not match what schema_version says was applied");
        assertThat(upgrade.exit()).as(upgrade.toString()).isEqualTo(3);
        assertThat(upgrade.stdout() + upgrade.stderr()).contains("do not match what schema_version says was applied");
    }

    // On main check measured the space but never refused for it.
    @Test
    void refusesWhenStagingWouldEatTheSpaceThatMustStayFree() throws Exception {
        long moreThanTheDisk = Files.getFileStore(install.installDir()).getTotalSpace();
        ReleaseCheck check = new ReleaseCheck(env(), ExtractionLimits.DEFAULT.withFreeSpaceMarginBytes(moreThanTheDisk));

        CheckReport report = check.report(b.toString(), Optional.empty(), false, null, (done, total) -> { });

        assertThat(report.wouldProceed()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("must stay free"));
        assertThat(report.to().version()).isEqualTo("8.4.2");
    }

    // On main --sha256 was checked on a first read and the release validated from a second one.
    @Test
    void checksTheSha256OnTheBytesItValidates() throws Exception {
        Path release = Files.copy(b, tarballs.resolve("release.tar.gz"), StandardCopyOption.REPLACE_EXISTING);
        Path other = Files.copy(ReleaseKit.inUserCache().build(SampleReleases.failingMigration()),
                tarballs.resolve("other.tar.gz"), StandardCopyOption.REPLACE_EXISTING);
        String published = TestTarball.sha256Of(release);
        AtomicBoolean swapped = new AtomicBoolean();

        CheckReport report = new ReleaseCheck(env(), ExtractionLimits.DEFAULT).report(release.toString(),
                Optional.of(published), false, null, (done, total) -> {
                    if (done == total && swapped.compareAndSet(false, true)) {
                        TestTarball.replace(other, release); // the file changes once it has been read through
                    }
                });

        assertThat(swapped).isTrue();
        assertThat(report.sha256()).isEqualTo(published);
        assertThat(report.to().version()).as("the release whose checksum was given").isEqualTo("8.4.2");
    }

    // On main neither check nor the upgrade said that the admin's files would go.
    @Test
    @Order(100) // upgrades the install: last
    void listsTheFilesAnUpgradeWouldRemoveAndKeepsThemInTheReleaseCache() throws IOException {
        byte[] driver = "a JDBC driver the admin added".getBytes(StandardCharsets.UTF_8);
        Files.write(install.installDir().resolve(SITE_DRIVER), driver);
        Files.writeString(install.installDir().resolve(SITE_SCRIPT), "#!/bin/sh\necho backup\n");
        Map<String, String> before = InstallTree.files(install.installDir(), rel -> !rel.startsWith("server/pgsql/data/")
                && !rel.startsWith("transient/") && !InstallTree.SERVICE_LOGS.contains(rel));

        ShimCli.Run check = shim.run("check", b.toString());

        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.stdout()).contains(SITE_DRIVER + " will be removed (kept in the release cache)")
                .contains(SITE_SCRIPT + " will be removed (kept in the release cache)")
                .contains(SampleReleases.A_ONLY_BIN_FILE + " will be removed");
        assertThat(InstallTree.files(install.installDir(), rel -> !rel.startsWith("server/pgsql/data/")
                && !rel.startsWith("transient/") && !InstallTree.SERVICE_LOGS.contains(rel))).isEqualTo(before);
        assertThat(leftovers(install.installDir().resolve("transient/eltm-shim/ops"))).isEmpty();

        ShimCli.Run upgrade = shim.run("upgrade", b.toString());

        assertThat(upgrade.exit()).as(upgrade.toString()).isZero();
        assertThat(upgrade.stdout()).contains("will be removed (kept in the release cache)").contains(SITE_DRIVER)
                .contains(SITE_SCRIPT);
        assertThat(install.installDir().resolve(SITE_DRIVER)).doesNotExist();
        try (Stream<Path> cached = Files.list(install.installDir().resolve("transient/eltm-shim/releases"))) {
            Path previous = cached.filter(p -> p.getFileName().toString().endsWith("8.4.1")).findFirst().orElseThrow();
            assertThat(previous.resolve(SITE_DRIVER)).hasBinaryContent(driver);
        }
    }

    private InstallEnvironment env() {
        Map<String, String> base = new java.util.HashMap<>(System.getenv());
        base.put("HOME", install.homeDir().toString());
        return new EnvironmentLoader(base).load(install.envFile(), Optional.empty());
    }


    private static List<Path> leftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
