package io.eltm.shim.it;

import io.eltm.shim.engine.CrashPoints;
import io.eltm.shim.kit.SampleInstall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real {@code eltm-shim} process and SIGKILLs it at a named crash point
 * ({@link CrashPoints}), or traces every crash point a complete run passes.
 */
final class CrashedShim {

    private final SampleInstall install;
    private final ShimCli shim;
    private final Path marker;

    CrashedShim(SampleInstall install) {
        this.install = install;
        this.shim = new ShimCli(install);
        this.marker = install.installDir().resolve("transient/eltm-shim/halted");
    }

    ShimCli cli() {
        return shim;
    }

    /** Runs {@code args} to its end, recording every crash point it passes, in order ({@code point#n}). */
    List<String> trace(String... args) {
        try {
            Path trace = Files.createTempFile(install.sandbox(), "crash-trace", ".txt");
            ShimCli.Run run = shim.run(Map.of(CrashPoints.TRACE_VARIABLE, trace.toString()), args);
            assertThat(run.exit()).as("traced run of %s: %s", List.of(args), run).isNotEqualTo(2);
            List<String> points = Files.readAllLines(trace);
            Files.delete(trace);
            return points;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code args}, waits until it halts at {@code point} and SIGKILLs it. */
    void killAt(String point, String... args) {
        try {
            Path out = install.sandbox().resolve("killed.out");
            Path err = install.sandbox().resolve("killed.err");
            Process p = shim.start(Map.of(CrashPoints.VARIABLE, point), out, err, args);
            await().atMost(Duration.ofMinutes(4)).until(() -> Files.exists(marker) || !p.isAlive());
            assertThat(p.isAlive()).as("eltm-shim %s should halt at %s:\n%s\n%s", List.of(args), point,
                    Files.readString(out), Files.readString(err)).isTrue();
            p.destroyForcibly().waitFor();
            Files.delete(marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
