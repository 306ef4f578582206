package io.eltm.shim.kit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseKitTest {

    private static final String A = "eltm-portable-8.4.1/";
    private static final String B = "eltm-portable-8.4.2/";

    @TempDir
    static Path cache;
    static ReleaseKit kit;
    static TarballListing releaseA;
    static TarballListing releaseB;

    @BeforeAll
    static void buildAandB() throws IOException {
        kit = new ReleaseKit(cache);
        releaseA = TarballListing.read(kit.build(SampleReleases.a()));
        releaseB = TarballListing.read(kit.build(SampleReleases.b()));
    }

    @Test
    void tarballIsNamedAfterItsVersionAndStartsWithVersionFile() {
        Path tarball = kit.build(SampleReleases.a());

        assertThat(tarball.getFileName()).hasToString("eltm-portable-8.4.1.tar.gz");
        assertThat(releaseA.get(A + "VERSION").text())
                .startsWith("VERSION=8.4.1\nBUILT_AT=2026-10-01T09:00:00Z\nGIT_SHA=")
                .matches("(?s).*GIT_SHA=[0-9a-f]{40}\n");
    }

    @Test
    void sameSpecIsBuiltOnceAndGivesIdenticalBytes() throws IOException {
        Path first = kit.build(SampleReleases.b());
        Path second = new ReleaseKit(cache).build(SampleReleases.b());
        Path uncached = cache.resolve("fresh.tar.gz");
        kit.write(SampleReleases.b(), uncached);

        assertThat(second).isEqualTo(first);
        assertThat(Files.mismatch(first, uncached)).isEqualTo(-1L);
    }

    @Test
    void serviceScriptsAndUtilitiesAreExecutable() {
        for (String script : ReleaseContent.ADMIN_SCRIPTS) {
            assertThat(releaseA.get(A + "server/webserver/admin/" + script).mode()).as(script).isEqualTo(0755);
        }
        assertThat(releaseA.get(A + "server/utils/ADMIN_SYNC_CONNECTION").mode()).isEqualTo(0755);
        assertThat(releaseA.get(A + "bin/update-server.sh").mode()).isEqualTo(0755);
        assertThat(releaseA.get(A + "server/pgsql.factory/initdb.sql").mode()).isEqualTo(0644);
        assertThat(releaseA.get(A + "server/engine/").directory()).isTrue();
    }

    @Test
    void releaseAShipsMigrationsV1AndV2Only() {
        assertThat(migrationsOf(releaseA, A))
                .containsExactly("V1__create_job_type.sql", "V2__add_job_type_and_priority.sql");
    }

    @Test
    void releaseBShipsV1ToV4WithUndoForTheSchemaChangesAfterA() {
        assertThat(migrationsOf(releaseB, B)).containsExactly(
                "V1__create_job_type.sql", "V2__add_job_type_and_priority.sql",
                "V3__add_job_owner_email.sql", "U3__add_job_owner_email.sql",
                "V4__create_job_tag.sql", "U4__create_job_tag.sql");
        assertThat(releaseB.get(B + "server/pgsql.factory/migrations/V1__create_job_type.sql").content())
                .as("V1 of A and B, byte for byte, so Flyway's checksum holds across the upgrade")
                .isEqualTo(releaseA.get(A + "server/pgsql.factory/migrations/V1__create_job_type.sql").content());
    }

    @Test
    void releaseBDropsABinFileAndALibJarThatAShips() {
        assertThat(releaseA.has(A + SampleReleases.A_ONLY_BIN_FILE)).isTrue();
        assertThat(releaseA.has(A + SampleReleases.A_ONLY_LIB_JAR)).isTrue();

        assertThat(releaseB.has(B + SampleReleases.A_ONLY_BIN_FILE)).isFalse();
        assertThat(releaseB.has(B + SampleReleases.A_ONLY_LIB_JAR)).isFalse();
        assertThat(releaseB.has(B + SampleReleases.B_LIB_JAR)).isTrue();
    }

    @Test
    void everyReleaseCarriesTheReplacedPathsAndAFirstInstallSkeleton() {
        assertThat(releaseB.entries().keySet()).contains(
                B + "server/engine/eltm-meta-service.jar", B + "server/engine/eltm-engine.jar",
                B + "server/pgsql.factory/initdb.sql", B + "server/pgsql.factory/metadata/job-types.csv",
                B + "bin/install.sh", B + "library/JDBC/postgresql-42.7.3.jar",
                B + "data/workflow/README", B + "tools/spark/README");
    }

    @Test
    void bWithoutUndoIsANewerVersionShippingNoUndoScripts() throws IOException {
        String root = "eltm-portable-8.4.3/";
        TarballListing release = TarballListing.read(kit.build(SampleReleases.bWithoutUndo()));

        assertThat(migrationsOf(release, root)).containsExactly("V1__create_job_type.sql",
                "V2__add_job_type_and_priority.sql", "V3__add_job_owner_email.sql", "V4__create_job_tag.sql");
    }

    @Test
    void failingMigrationsV5CreatesATableThenReadsOneThatDoesNotExist() throws IOException {
        TarballListing release = TarballListing.read(kit.build(SampleReleases.failingMigration()));

        assertThat(release.get("eltm-portable-8.5.0/server/pgsql.factory/migrations/V5__archive_step_watermarks.sql")
                .text()).contains("CREATE TABLE " + SampleReleases.FAILING_MIGRATION_TABLE, "t_step_watermark_legacy");
    }

    @Test
    void metaServiceJarIsRunnableAndOnlyTheNeverHealthyReleaseTurnsHealthOff() throws IOException {
        TarballListing neverHealthy = TarballListing.read(kit.build(SampleReleases.neverHealthy()));

        byte[] healthyJar = releaseB.get(B + "server/engine/eltm-meta-service.jar").content();
        byte[] sickJar = neverHealthy.get("eltm-portable-8.6.0/server/engine/eltm-meta-service.jar").content();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(healthyJar))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(MetaServiceStandIn.class.getName());
        }
        assertThat(jarEntryText(healthyJar, MetaServiceStandIn.SETTINGS_RESOURCE)).contains("healthy=true");
        assertThat(jarEntryText(sickJar, MetaServiceStandIn.SETTINGS_RESOURCE)).contains("healthy=false");
    }

    private static String jarEntryText(byte[] jarBytes, String name) throws IOException {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(jarBytes))) {
            for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(jar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the jar");
    }

    @Test
    void rootedAtInstallRootHasNoTopLevelDirectory() throws IOException {
        TarballListing release = TarballListing.read(kit.build(SampleReleases.a().rootedAtInstallRoot()));

        assertThat(release.entries().keySet()).contains("VERSION", "server/engine/eltm-meta-service.jar")
                .noneMatch(name -> name.startsWith("eltm-portable-"));
    }

    @Test
    void largeReleasePadsAbout400MegabytesInAbout3000FilesOverReplacedPaths() {
        var padding = new ReleaseContent(SampleReleases.large(), new FillerJars()).padding();

        assertThat(padding).hasSize(3_000);
        assertThat(padding.stream().mapToLong(ReleaseContent.PaddingFile::size).sum())
                .isBetween(395L << 20, 405L << 20);
        assertThat(padding).allMatch(file -> file.path().startsWith("server/engine/lib/")
                || file.path().startsWith("library/JDBC/"));
    }

    @Test
    void fillerJarsAreValidJarsOfTheAskedSize() throws IOException {
        byte[] jar = new FillerJars().jar("vendor-driver-0001.jar", 200_000);

        assertThat(jar.length).isBetween(199_000, 201_000);
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            assertThat(in.getNextJarEntry().getName()).startsWith("eltm/filler/");
            assertThat(in.readAllBytes().length).isGreaterThan(190_000);
        }
    }

    private static java.util.List<String> migrationsOf(TarballListing release, String root) {
        String dir = root + "server/pgsql.factory/migrations/";
        return release.entries().keySet().stream()
                .filter(name -> name.startsWith(dir) && name.length() > dir.length())
                .map(name -> name.substring(dir.length()))
                .toList();
    }
}
