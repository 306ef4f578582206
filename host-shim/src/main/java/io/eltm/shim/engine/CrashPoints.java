package io.eltm.shim.engine;

import io.eltm.shim.db.DatabaseSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A test hook for crash recovery: with {@code ELTM_SHIM_HALT_AT=<step>:before|after} (or
 * {@code swap:unit-N}, or one of {@link #SNAPSHOT_RESTORE}) the process writes
 * {@code transient/eltm-shim/halted} and stops dead at that point, so a test can SIGKILL a real process at an exact place. Unset in production: does nothing.
 */
public final class CrashPoints {

    public static final String VARIABLE = "ELTM_SHIM_HALT_AT";

    /** Each statement boundary of the snapshot restore (inside the migrate step's undo), in order. */
    public static final List<String> SNAPSHOT_RESTORE = DatabaseSnapshot.RESTORE_CRASH_POINTS;

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
