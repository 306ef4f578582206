package io.eltm.shim.engine;

import io.eltm.shim.db.DatabaseSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The one registry of crash points, a test hook for crash recovery. Every place where a SIGKILL
 * leaves a distinct state on disk calls {@link #reached}: each journal write once it is durable
 * ({@link #JOURNAL_WRITE}), each rename once it is done but before the journal knows
 * ({@link #RENAME}), and each step's end ({@code <step>:after}: its action done, the journal still
 * saying it runs). A step's start ({@code <step>:before}) leaves the same state as the journal write
 * that marks it running; it exists so that a test can name a step, and the crash harness skips it.
 *
 * <p>{@code ELTM_SHIM_HALT_AT=<point>} halts at the point's first occurrence, {@code <point>#<n>} at its
 * n-th: the process writes {@code transient/eltm-shim/halted} and stops dead, so a test can SIGKILL a
 * real process at an exact place. {@code ELTM_SHIM_CRASH_TRACE=<file>} appends every point passed, as
 * {@code <point>#<n>} lines, which is how the crash harness enumerates them. The snapshot restore's
 * points ({@link #SNAPSHOT_RESTORE}) come from {@link DatabaseSnapshot}, which passes them as it goes. Unset in production:
 * does nothing beyond counting.
 */
public final class CrashPoints {

    public static final String VARIABLE = "ELTM_SHIM_HALT_AT";
    public static final String TRACE_VARIABLE = "ELTM_SHIM_CRASH_TRACE";

    /** Just after a journal write became durable (file and directory synced). */
    public static final String JOURNAL_WRITE = "journal-write";
    /** Just after a rename (and the sync of its directories), before the journal records what follows. */
    public static final String RENAME = "rename";
    /** Just after the verify step recorded the new release healthy, before the step is marked done. */
    public static final String VERIFIED_HEALTHY = "verify:healthy";

    /** Each statement boundary of the snapshot restore (inside the migrate step's undo), in order. */
    public static final List<String> SNAPSHOT_RESTORE = DatabaseSnapshot.RESTORE_CRASH_POINTS;

    /** Every point that is not a step boundary. A new kind of point is added here, and nowhere else. */
    public static final List<String> REGISTERED = Stream.concat(Stream.of(JOURNAL_WRITE, RENAME, VERIFIED_HEALTHY),
            SNAPSHOT_RESTORE.stream()).toList();

    private final Optional<String> haltAt;
    private final Optional<Path> trace;
    private final ShimPaths paths;
    private final Map<String, Integer> seen = new HashMap<>();

    public CrashPoints(Optional<String> haltAt, ShimPaths paths) {
        this(haltAt, Optional.empty(), paths);
    }

    public CrashPoints(Optional<String> haltAt, Optional<String> trace, ShimPaths paths) {
        this.haltAt = haltAt.filter(s -> !s.isBlank());
        this.trace = trace.filter(s -> !s.isBlank()).map(Path::of);
        this.paths = paths;
    }

    public static CrashPoints none(ShimPaths paths) {
        return new CrashPoints(Optional.empty(), paths);
    }

    /** Whether {@code point} is a registered point or a step's start or end. */
    public static boolean isRegistered(String point) {
        return REGISTERED.contains(point) || point.matches("[a-z-]+:(before|after)");
    }

    /** Records {@code point}; halts forever if it is the configured one. */
    public synchronized void reached(String point) {
        if (!isRegistered(point)) {
            throw new IllegalArgumentException("crash point " + point + " is not in CrashPoints.REGISTERED");
        }
        int n = seen.merge(point, 1, Integer::sum);
        String occurrence = point + "#" + n;
        trace.ifPresent(file -> append(file, occurrence));
        if (haltAt.isEmpty() || !(haltAt.get().equals(occurrence) || n == 1 && haltAt.get().equals(point))) {
            return;
        }
        try {
            Files.writeString(paths.haltMarker(), occurrence);
        } catch (IOException e) {
            throw new UncheckedIOException("while writing the halt marker at " + occurrence, e);
        }
        while (true) {
            LockSupport.park(this);
        }
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("while tracing crash point " + line + " to " + file, e);
        }
    }
}
