package io.eltm.shim.engine;

import io.eltm.shim.status.Json;
import io.eltm.shim.status.LastOperation;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The operation journal under {@code transient/eltm-shim/}. Every write is a temp file in the same
 * directory, fsync, atomic rename, fsync of the directory: a SIGKILL leaves either the previous or
 * the next state on disk, never a torn one.
 */
public final class SwapJournal {

    private final ShimPaths paths;
    private final ObjectMapper json = Json.mapper();

    public SwapJournal(ShimPaths paths) {
        this.paths = paths;
    }

    /** The operation left unfinished by an earlier process, if any. */
    public Optional<OperationState> unfinished() {
        return read(paths.journal(), OperationState.class);
    }

    public void save(OperationState state) {
        write(paths.journal(), state);
    }

    /** Ends the journal: records the outcome as the last operation, then removes the journal. */
    public void close(LastOperation outcome) {
        write(paths.lastOperation(), outcome);
        try {
            Files.deleteIfExists(paths.journal());
            fsyncDirectory(paths.root());
        } catch (IOException e) {
            throw new UncheckedIOException("while removing the journal " + paths.journal(), e);
        }
    }

    public Optional<LastOperation> lastOperation() {
        return read(paths.lastOperation(), LastOperation.class);
    }

    private <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("the journal file " + file + " cannot be read (" + e.getMessage()
                    + "); keep a copy of it and of transient/eltm-shim/ for support before removing it", e);
        }
    }

    private void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("while writing the journal " + file, e);
        }
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
