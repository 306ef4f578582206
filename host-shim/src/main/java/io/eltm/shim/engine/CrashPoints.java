package io.eltm.shim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A test hook for crash recovery: with {@code ELTM_SHIM_HALT_AT=<step>:before|after} (or
 * {@code swap:unit-N}) the process writes {@code transient/eltm-shim/halted} and stops dead at that
 * point, so a test can SIGKILL a real process at an exact place. Unset in production: does nothing.
 */
public final class CrashPoints {

    public static final String VARIABLE = "ELTM_SHIM_HALT_AT";

    private final Optional<String> haltAt;
    private final ShimPaths paths;

    public CrashPoints(Optional<String> haltAt, ShimPaths paths) {
        this.haltAt = haltAt.filter(s -> !s.isBlank());
        this.paths = paths;
    }

    public static CrashPoints none(ShimPaths paths) {
        return new CrashPoints(Optional.empty(), paths);
    }

    /** Halts forever if {@code point} is the configured one. */
    public void reached(String point) {
        if (haltAt.isEmpty() || !haltAt.get().equals(point)) {
            return;
        }
        try {
            Files.writeString(paths.haltMarker(), point);
        } catch (IOException e) {
            throw new UncheckedIOException("while writing the halt marker at " + point, e);
        }
        while (true) {
            LockSupport.park(this);
        }
    }
}
