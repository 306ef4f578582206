package io.eltm.shim.kit;

import io.eltm.shim.env.EnvironmentLoader;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.service.ServiceScripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample ELTM image's first start on an empty volume ({@code testing/images/eltm-sample}): installs
 * the kit's release A into {@code ISERVER_HOME} as the image's env file names it, with the same steps
 * as a sample install on a host ({@link FirstInstall}), and leaves the services stopped for the
 * entrypoint's {@code mstart-all}.
 *
 * <p>A first install cut short (the pod killed) leaves its marker file, and the next start begins it
 * again from an empty tree: nothing there was the user's yet. A tree without {@code VERSION} and
 * without the marker is not this image's, and is left alone (exit 1).
 */
public final class SamplePodInstall {

    static final String MARKER = ".sample-first-install";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);

    private SamplePodInstall() {
    }

    public static void main(String[] args) throws IOException {
        InstallEnvironment env = new EnvironmentLoader(System.getenv())
                .load(EnvironmentLoader.defaultEnvFile(), Optional.empty());
        Path installDir = env.installDir();
        Path marker = installDir.resolve(MARKER);
        if (Files.isRegularFile(installDir.resolve("VERSION")) && !Files.exists(marker)) {
            return;
        }
        if (!Files.exists(marker) && notEmpty(installDir)) {
            System.err.println("eltm-sample: " + installDir + " holds files but no VERSION: it is not a sample "
                    + "install, so the first install leaves it alone; empty the volume or point ISERVER_HOME elsewhere");
            System.exit(1);
        }
        if (Files.exists(installDir)) {
            FileTrees.deleteRecursively(installDir);
        }
        Files.createDirectories(installDir);
        Files.createFile(marker);
        Path pgBin = env.pgBin().orElseThrow(() -> new IllegalStateException("the image's env file sets no PGBIN"));
        Path release = new ReleaseKit(Path.of(System.getProperty("java.io.tmpdir"), "eltm-releases"))
                .build(SampleReleases.a());
        ServiceScripts scripts = new ServiceScripts(env, SCRIPT_TIMEOUT);
        new FirstInstall(installDir, pgBin, new SampleDatabase(installDir, env.pgUser(), env.pgPort()), () -> scripts)
                .install(release, () -> { });
        FirstInstall.runOrThrow(scripts, "mstop-pgsql");
        Files.delete(marker);
        System.out.println("eltm-sample: first install of " + SampleReleases.a().version() + " into " + installDir
                + " done");
    }

    private static boolean notEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }
}
