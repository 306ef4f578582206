package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The harness's sample installs: one install on release A is reused from crash to crash while
 * recovery leaves it on A (that is what the check asserts), and replaced by a fresh one after a
 * crash that rolled forward to the target.
 */
final class CrashSandboxes implements AutoCloseable {

    private final ReleaseKit kit;
    private final ReleaseSpec a;
    private final Map<String, Map<String, String>> replacedFiles = new HashMap<>();
    private OneRelease current;

    CrashSandboxes(ReleaseKit kit, ReleaseSpec a) {
        this.kit = kit;
        this.a = a;
    }

    /** An install on A, as created or as a recovery left it. */
    OneRelease onA() {
        if (current != null && !current.onA()) {
            discard(current);
        }
        if (current == null) {
            try {
                current = new OneRelease(SampleInstall.create(Files.createTempDirectory("eltm-crash-"), kit.build(a)), a,
                        replacedFiles);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return current;
    }

    /**
     * Traces crash points with {@code run} on an install of A, then checks the install ended wholly on
     * one release ({@code target} or A) as every crashed run must.
     */
    List<String> traced(ReleaseSpec target, Function<OneRelease, List<String>> run) {
        OneRelease sandbox = onA();
        List<String> points = run.apply(sandbox);
        sandbox.assertRecoveredOnOneRelease(target, "status", "--json");
        return points;
    }

    void discard(OneRelease sandbox) {
        sandbox.close();
        if (sandbox == current) {
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            discard(current);
        }
    }
}
