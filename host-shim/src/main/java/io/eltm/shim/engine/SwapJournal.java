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
    private final CrashPoints crashPoints;
    private final ObjectMapper json = Json.mapper();

    /** A journal for reading (status, tests): it passes no crash points. */
    public SwapJournal(ShimPaths paths) {
        this(paths, CrashPoints.none(paths));
    }

    public SwapJournal(ShimPaths paths, CrashPoints crashPoints) {
        this.paths = paths;
        this.crashPoints = crashPoints;
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
            DurableFiles.fsyncDirectory(paths.root());
        } catch (IOException e) {
            throw new UncheckedIOException("while removing the journal " + paths.journal(), e);
        }
        crashPoints.reached(CrashPoints.JOURNAL_WRITE);
    }

    /** The outcome of the last finished operation (last-operation.json). */
    public Optional<LastOperation> lastOperation() {
        return read(paths.lastOperation(), LastOperation.class);
    }

    /**
     * What a user must be shown as the last operation: one that ended but stays in the journal
     * (Failed, or held by --no-rollback) comes before last-operation.json, which still names the one before.
     */
    public Optional<LastOperation> latest() {
        Optional<OperationState> ended = unfinished().filter(s -> s.result() != null);
        return ended.isPresent() ? ended.map(LastOperations::of) : lastOperation();
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
            DurableFiles.fsyncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("while writing the journal " + file, e);
        }
        crashPoints.reached(CrashPoints.JOURNAL_WRITE);
    }
}
