package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The harness's sample installs, one per replay running at the same time. An install on release A is
 * reused from crash to crash while recovery leaves it on A (that is what the check asserts), and
 * replaced by a fresh one after a crash that rolled forward to the target or a check that failed.
 */
final class CrashSandboxes implements AutoCloseable {

    private final ReleaseKit kit;
    private final ReleaseSpec a;
    private final Map<String, Map<String, String>> replacedFiles = new ConcurrentHashMap<>();
    private final Deque<OneRelease> idle = new ArrayDeque<>();

    CrashSandboxes(ReleaseKit kit, ReleaseSpec a) {
        this.kit = kit;
        this.a = a;
    }

    /** Runs {@code use} on an install on A that no other replay uses, as created or as a recovery left it. */
    <T> T withInstallOnA(Function<OneRelease, T> use) {
        OneRelease sandbox = take();
        try {
            return use.apply(sandbox);
        } finally {
            giveBack(sandbox);
        }
    }

    void onA(Consumer<OneRelease> use) {
        withInstallOnA(sandbox -> {
            use.accept(sandbox);
            return null;
        });
    }

    /**
     * Traces crash points with {@code run} on an install of A, then checks the install ended wholly on
     * one release ({@code target} or A) as every crashed run must.
     */
    List<String> traced(ReleaseSpec target, Function<OneRelease, List<String>> run) {
        return withInstallOnA(sandbox -> {
            List<String> points = run.apply(sandbox);
            sandbox.assertRecoveredOnOneRelease(target, "status", "--json");
            return points;
        });
    }

    private OneRelease take() {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                OneRelease sandbox = idle.pop();
                if (sandbox.onA()) {
                    return sandbox;
                }
                sandbox.close();
            }
        }
        try {
            return new OneRelease(SampleInstall.create(Files.createTempDirectory("eltm-crash-"), kit.build(a)), a,
                    replacedFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void giveBack(OneRelease sandbox) {
        if (!sandbox.onA()) {
            sandbox.close(); // on the target, or a check failed: the next replay needs a fresh install
            return;
        }
        synchronized (idle) {
            idle.push(sandbox);
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.forEach(OneRelease::close);
            idle.clear();
        }
    }
}
