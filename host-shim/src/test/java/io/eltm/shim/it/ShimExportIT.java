package io.eltm.shim.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code eltm-shim image export DIR}, the init container of a pod upgrade Job: the exported shim runs from
 * DIR alone, with its own Java runtime, once the jar it came from is gone (docs/pods.md).
 */
class ShimExportIT {

    @Test
    void theExportedShimRunsFromItsDirectoryAloneWithItsOwnRuntime(@TempDir Path tmp) throws Exception {
        Path jar = Files.copy(ShimCli.jar(), tmp.resolve("eltm-shim.jar"));
        Path dir = tmp.resolve("shim");

        Run export = run(List.of(java(), "-jar", jar.toString(), "image", "export", dir.toString()));
        Files.delete(jar);
        Run version = run(List.of(dir.resolve("eltm-shim").toString(), "--version"));

        assertThat(export.exit()).as(export.output()).isZero();
        assertThat(export.output()).contains("exported to " + dir, "run " + dir.resolve("eltm-shim"));
        assertThat(dir.resolve("java/bin/java")).isExecutable();
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("eltm-shim ");
        assertThat(Files.readString(dir.resolve("eltm-shim"))).contains("\"$here/java/bin/java\"")
                .doesNotContain(tmp.toString());
    }

    @Test
    void aDirectoryThatHoldsFilesIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("shim"));
        Files.writeString(dir.resolve("keep.txt"), "someone's file\n");

        Run export = run(List.of(java(), "-jar", ShimCli.jar().toString(), "image", "export", dir.toString()));

        assertThat(export.exit()).as(export.output()).isEqualTo(3);
        assertThat(export.output()).contains("refused", dir.toString(), "not empty");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(dir.resolve("keep.txt"));
        }
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("someone's file\n");
    }

    private record Run(int exit, String output) {
    }

    /** The images' jlink runtime (target/java-runtime), as the shim image's init container runs it. */
    private static String java() {
        return ShimCli.jar().resolveSibling("java-runtime/opt/java/bin/java").toString();
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("export", ".out");
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 2 minutes:\n" + Files.readString(out));
        }
        Run run = new Run(p.exitValue(), Files.readString(out));
        Files.delete(out);
        return run;
    }
}
