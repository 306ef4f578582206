package io.eltm.shim.engine;

import java.nio.file.Path;

/**
 * Where the tool keeps its own state, all under {@code $ISERVER_HOME/transient/eltm-shim/} so that
 * staging and backups sit on the install's filesystem (swaps are renames, never copies).
 */
public record ShimPaths(Path installDir) {

    public Path root() {
        return installDir.resolve("transient").resolve("eltm-shim");
    }

    /** The journal of the operation in progress; absent when none is. */
    public Path journal() {
        return root().resolve("journal.json");
    }

    /** The outcome of the last finished operation. */
    public Path lastOperation() {
        return root().resolve("last-operation.json");
    }

    public Path lock() {
        return root().resolve("lock");
    }

    /** Per-operation working space: {@code staging/} (the new release) and {@code previous/} (the old one). */
    public Path operationDir(String operationId) {
        return root().resolve("ops").resolve(operationId);
    }

    /** Downloaded tarballs. */
    public Path downloads() {
        return root().resolve("downloads");
    }

    /** Trees of the releases installed before the current one, newest last, for {@code rollback}. */
    public Path releaseCache() {
        return root().resolve("releases");
    }

    /** Written by the crash-test hook when the process halts at a crash point. */
    public Path haltMarker() {
        return root().resolve("halted");
    }
}
