package io.eltm.shim.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The operations this install's agents have handed to the engine, one file per uid under
 * {@code transient/eltm-shim/agent/started/}, written (and synced) before the engine starts. The engine's journal
 * remembers only the last operation: when a person runs {@code eltm-shim upgrade} by hand after an agent crash,
 * that run recovers the agent's interrupted operation and then replaces it as the last one. This record is how
 * the restarted agent still knows the operation began here and must not run again.
 */
final class StartedOperations {

    static final int KEPT = 200;

    private final Path dir;

    StartedOperations(Path dir) {
        this.dir = dir;
    }

    boolean contains(String uid) {
        return Files.exists(dir.resolve(uid));
    }

    /** Records {@code uid} durably (file and directory synced), then keeps only the newest {@value #KEPT}. */
    void record(String uid, Instant now) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(uid);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(StandardCharsets.UTF_8.encode(now.toString() + "\n"));
                out.force(true);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
            prune();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record operation " + uid + " as started in " + dir
                    + "; not running it", e);
        }
    }

    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = files.sorted(Comparator.comparing(StartedOperations::modified).reversed()).toList();
        }
        for (Path old : all.subList(Math.min(KEPT, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file, e);
        }
    }
}
