package io.eltm.shim.status;

import io.eltm.shim.release.VersionFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the {@code VERSION} file at the root of an install or release tree. */
public final class ReleaseInfos {

    private ReleaseInfos() {
    }

    public static Optional<ReleaseInfo> read(Path root) {
        Path file = root.resolve("VERSION");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(VersionFile.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("while reading " + file, e);
        }
    }

    public static ReleaseInfo of(VersionFile v) {
        return new ReleaseInfo(v.version().toString(), v.builtAt(), v.gitSha());
    }
}
