package io.eltm.shim.it;

import io.eltm.shim.engine.Trees;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.kit.ServicePids;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A swap that could not finish is refused before the stop (exit 3), services and files untouched. */
class SwapPreconditionsIT {

    @RegisterExtension
    final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());

    private SampleInstall install;
    private ShimCli shim;

    @BeforeEach
    void useInstallOfA() {
        install = a.install();
        shim = a.shim();
    }

    @Test
    void aReplacedDirectoryThatCannotBeRenamedIsRefusedBeforeTheStop() throws IOException {
        Path bin = install.installDir().resolve("bin");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertRefusedUntouched("bin is not writable");
        } finally {
            Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theToolsStateOnAnotherFilesystemIsRefusedBeforeTheStop() throws IOException {
        Path state = install.installDir().resolve("transient/eltm-shim");
        Path elsewhere = Files.createTempDirectory(Path.of("/dev/shm"), "eltm-shim-");
        try {
            Trees.delete(state);
            Files.createDirectories(state.getParent());
            Files.createSymbolicLink(state, elsewhere);

            assertRefusedUntouched("on another filesystem");
        } finally {
            Trees.delete(elsewhere);
        }
    }

    private void assertRefusedUntouched(String why) {
        ServicePids pids = install.servicePids();
        Map<String, String> files = InstallTree.installFiles(install.installDir());

        ShimCli.Run run = shim.run("upgrade", a.tarball(SampleReleases.b()).toString(), "--json");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.lastJson().at("/lastOperation/message").asText()).contains(why);
        assertThat(install.servicePids()).isEqualTo(pids);
        assertThat(InstallTree.installFiles(install.installDir())).isEqualTo(files);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }
}
