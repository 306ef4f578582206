package io.eltm.shim.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenamePreconditionsTest {

    @TempDir
    Path install;

    private final List<SwapUnit> units = List.of(new SwapUnit("VERSION", true, true), new SwapUnit("bin", true, true),
            new SwapUnit("library/JDBC", false, true));

    @Test
    void anOrdinaryInstallPasses() throws IOException {
        layOut();

        assertThat(problems(new ShimPaths(install))).isEmpty();
    }

    @Test
    void aReplacedDirectoryThatIsNotWritableIsRefusedNamingIt() throws IOException {
        layOut();
        Files.setPosixFilePermissions(install.resolve("bin"), PosixFilePermissions.fromString("r-xr-xr-x"));

        assertThat(problems(new ShimPaths(install))).singleElement().asString()
                .contains(install.resolve("bin") + " is not writable").contains("chmod u+w");
    }

    @Test
    void anInstallRootThatIsNotWritableIsRefused() throws IOException {
        layOut();
        Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(problems(new ShimPaths(install))).anySatisfy(problem -> assertThat(problem)
                    .contains("the directory " + install + " is not writable"));
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

            assertThat(problems(new ShimPaths(install))).anySatisfy(problem -> assertThat(problem)
                    .contains("on another filesystem").startsWith("staging"));
        } finally {
            Trees.delete(elsewhere);
        }
    }

    private List<String> problems(ShimPaths paths) {
        Path op = paths.operationDir("op-1");
        return RenamePreconditions.problems(install, op.resolve("staging"), op.resolve("previous"), paths.releaseCache(),
                units);
    }

    private void layOut() throws IOException {
        Files.writeString(install.resolve("VERSION"), "VERSION=8.4.1\n");
        Files.createDirectories(install.resolve("bin"));
        Files.writeString(install.resolve("bin/update-server.sh"), "old");
    }
}
