package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenamePreconditionsTest {

    @TempDir
    Path install;

    private final List<SwapUnit> units = List.of(new SwapUnit("VERSION", true, true), new SwapUnit("bin", true, true),
            new SwapUnit("library/JDBC", false, true));

    @Test
    void anOrdinaryInstallPasses() throws IOException {
        layOut();

        assertThatCode(() -> check(new ShimPaths(install))).doesNotThrowAnyException();
    }

    @Test
    void aReplacedDirectoryThatIsNotWritableIsRefusedNamingIt() throws IOException {
        layOut();
        Files.setPosixFilePermissions(install.resolve("bin"), PosixFilePermissions.fromString("r-xr-xr-x"));

        assertThatThrownBy(() -> check(new ShimPaths(install))).isInstanceOf(RefusedException.class)
                .hasMessageContaining(install.resolve("bin") + " is not writable").hasMessageContaining("chmod u+w");
    }

    @Test
    void anInstallRootThatIsNotWritableIsRefused() throws IOException {
        layOut();
        Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> check(new ShimPaths(install))).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("the directory " + install + " is not writable");
        } finally {
            Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theToolsDirectoryOnAnotherFilesystemIsRefused() throws IOException {
        layOut();
        Path elsewhere = Files.createTempDirectory(Path.of("/dev/shm"), "eltm-shim-");
        try {
            Files.createDirectories(install.resolve("transient"));
            Files.createSymbolicLink(install.resolve("transient/eltm-shim"), elsewhere);

            assertThatThrownBy(() -> check(new ShimPaths(install))).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("on another filesystem").hasMessageContaining("staging");
        } finally {
            Trees.delete(elsewhere);
        }
    }

    private void check(ShimPaths paths) {
        Path op = paths.operationDir("op-1");
        RenamePreconditions.check(install, op.resolve("staging"), op.resolve("previous"), paths.releaseCache(), units);
    }

    private void layOut() throws IOException {
        Files.writeString(install.resolve("VERSION"), "VERSION=8.4.1\n");
        Files.createDirectories(install.resolve("bin"));
        Files.writeString(install.resolve("bin/update-server.sh"), "old");
    }
}
