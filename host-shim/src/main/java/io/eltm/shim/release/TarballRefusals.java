package io.eltm.shim.release;

import io.eltm.shim.RefusedException;

import java.nio.file.Path;

/** Builds the refusals for one tarball, so every message names the file, the entry and what to do. */
final class TarballRefusals {

    private static final String ADVICE = "Use an unmodified release tarball (download it again or rebuild it).";

    private final Path file;

    TarballRefusals(Path file) {
        this.file = file;
    }

    RefusedException entry(String entryName, String problem) {
        return new RefusedException("Refusing release tarball " + file + ": entry '" + entryName + "' " + problem
                + ". " + ADVICE);
    }

    RefusedException archive(String problem) {
        return new RefusedException("Refusing release tarball " + file + ": " + problem + ". " + ADVICE);
    }

    RefusedException corrupt(Throwable cause, String lastEntry) {
        String where = lastEntry == null ? "before the first entry" : "after entry '" + lastEntry + "'";
        return new RefusedException("Refusing release tarball " + file + ": it is truncated or corrupt (" + where
                + ": " + reason(cause) + "). Download it again; check it with `gzip -t` and `tar tzf`.", cause);
    }

    /** What the decompressor said; an EOFException from gzip says nothing, so say what it means. */
    private static String reason(Throwable cause) {
        if (cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause instanceof java.io.EOFException ? "the data ends early" : cause.getClass().getSimpleName();
    }

    RefusedException space(String entryName, String problem) {
        return new RefusedException("Refusing release tarball " + file + ": entry '" + entryName + "' " + problem
                + ". Free space on the install's filesystem or use a smaller release.");
    }
}
