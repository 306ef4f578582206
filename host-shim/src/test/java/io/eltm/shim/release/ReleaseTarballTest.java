package io.eltm.shim.release;

import io.eltm.api.ReleaseVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseTarballTest {

    @TempDir
    Path dir;

    @Test
    void extractsRootedReleaseTakingOnlyTheReplacedPaths() throws IOException {
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.4.2").writeTo(dir.resolve("r.tar.gz"));
        Path staging = dir.resolve("staging");

        ReleaseSummary summary = ReleaseTarball.of(tarball).extract(staging, ExtractionLimits.DEFAULT,
                ExtractionProgress.NONE);

        assertThat(summary.versionFile().version()).isEqualTo(ReleaseVersion.parse("8.4.2"));
        assertThat(staging.resolve("VERSION")).content().startsWith("VERSION=8.4.2");
        assertThat(staging.resolve("server/engine/meta-service.jar")).hasContent("jar bytes");
        assertThat(staging.resolve("server/engine/lib/dep.jar")).hasContent("dep");
        assertThat(staging.resolve("server/webserver/admin/mstart-all")).exists();
        assertThat(staging.resolve("server/utils/ADMIN_ping")).exists();
        assertThat(staging.resolve("library/JDBC/postgresql.jar")).exists();
        assertThat(staging.resolve("server/pgsql.factory/migrations/V2__more.sql")).exists();
        assertThat(staging.resolve("server/engine/application.properties")).as("kept file of server/engine")
                .doesNotExist();
        assertThat(staging.resolve("data")).as("first-install skeleton").doesNotExist();
        assertThat(staging.resolve("server/keystore.jks")).as("first-install skeleton").doesNotExist();
    }

    @Test
    void extractsReleaseUnderOneTopLevelDirectoryStrippingIt() throws IOException {
        Path tarball = TestTarball.release(TestTarball.under("./eltm-portable-8.4.2"), "8.4.2")
                .writeTo(dir.resolve("r.tar.gz"));
        Path staging = dir.resolve("staging");

        ReleaseTarball.of(tarball).extract(staging, ExtractionLimits.DEFAULT, ExtractionProgress.NONE);

        assertThat(staging.resolve("VERSION")).exists();
        assertThat(staging.resolve("bin/update-server.sh")).exists();
        assertThat(staging.resolve("eltm-portable-8.4.2")).doesNotExist();
    }

    @Test
    void keepsModesMtimesSymlinksAndHardLinks() throws IOException {
        Path tarball = TestTarball.release(TestTarball.under("eltm"), "8.4.2")
                .symlink("bin/update", "update-server.sh")
                .symlink("library/JDBC/current.jar", "../JDBC/postgresql.jar")
                .hardLink("bin/update-hard.sh", "eltm/bin/update-server.sh")
                .writeTo(dir.resolve("r.tar.gz"));
        Path staging = dir.resolve("staging");

        ReleaseTarball.of(tarball).extract(staging, ExtractionLimits.DEFAULT, ExtractionProgress.NONE);

        Path script = staging.resolve("bin/update-server.sh");
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(staging.resolve("server/utils/ADMIN_ping")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.getPosixFilePermissions(staging.resolve("VERSION")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getLastModifiedTime(script)).isEqualTo(TestTarball.MTIME);
        assertThat(Files.getLastModifiedTime(staging.resolve("bin"))).isEqualTo(TestTarball.MTIME);
        assertThat(Files.isSymbolicLink(staging.resolve("bin/update"))).isTrue();
        assertThat(Files.readSymbolicLink(staging.resolve("bin/update"))).isEqualTo(Path.of("update-server.sh"));
        assertThat(staging.resolve("library/JDBC/current.jar")).hasContent("driver");
        assertThat(Files.isSameFile(staging.resolve("bin/update-hard.sh"), script)).isTrue();
        assertThat(Files.isSymbolicLink(staging.resolve("bin/update-hard.sh"))).isFalse();
    }

    @Test
    void validateSummarisesTheReleaseAndWritesNothing() throws IOException {
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.10.0-rc1").writeTo(dir.resolve("r.tar.gz"));
        AtomicLong lastProgress = new AtomicLong();

        ReleaseSummary summary = ReleaseTarball.of(tarball).validate(ExtractionLimits.DEFAULT,
                (read, total) -> lastProgress.set(read));

        assertThat(summary.versionFile()).isEqualTo(new VersionFile(ReleaseVersion.parse("8.10.0-rc1"),
                "2026-11-01T10:15:00Z", "3f2c9a1d"));
        assertThat(summary.entryCount()).isEqualTo(16);
        assertThat(summary.migrations()).containsExactly("V1__init.sql", "V2__more.sql");
        assertThat(summary.sha256()).isEqualTo(sha256Of(tarball));
        assertThat(summary.replacedBytes()).isPositive().isLessThan(summary.uncompressedBytes());
        assertThat(lastProgress.get()).isEqualTo(Files.size(tarball));
        try (var children = Files.list(dir)) {
            assertThat(children).containsExactly(tarball);
        }
    }

    @Test
    void acceptsMatchingSha256() throws IOException {
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.4.2").writeTo(dir.resolve("r.tar.gz"));

        ReleaseSummary summary = new ReleaseTarball(tarball, Optional.of(sha256Of(tarball).toUpperCase()))
                .validate(ExtractionLimits.DEFAULT);

        assertThat(summary.sha256()).isEqualTo(sha256Of(tarball));
    }

    static String sha256Of(Path file) throws IOException {
        return TestTarball.sha256Of(file);
    }

    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
