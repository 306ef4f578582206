package io.eltm.shim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The releases installed before the current one, kept as the trees of their replaced paths (what
 * the swap moved aside), so {@code rollback} is a rename back and needs no tarball, not even for the
 * release that was installed by hand. The newest {@value #KEEP} are kept. A release that a rollback
 * replaced is kept too (its admin-added files are not lost) but marked, and {@code rollback} never picks
 * it: a second rollback goes further back, never forth again to the release just rolled back.
 */
public final class ReleaseCache {

    public static final int KEEP = 3;

    private static final String ROLLED_BACK = "-rolled-back";

    private final Path dir;
    private final DurableFiles files;

    public ReleaseCache(ShimPaths paths, DurableFiles files) {
        this.dir = paths.releaseCache();
        this.files = files;
    }

    /**
     * Files a release tree that was just replaced; drops the oldest beyond {@value #KEEP}.
     *
     * @param rolledBack the tree is the release a rollback just left: kept, never offered to {@code rollback}
     */
    public Path add(Path tree, String version, Instant at, boolean rolledBack) throws IOException {
        Path entry = dir.resolve(String.format("%013d-%s%s", at.toEpochMilli(), version, rolledBack ? ROLLED_BACK : ""));
        files.move(tree, entry);
        List<Path> all = entries();
        for (int i = 0; i < all.size() - KEEP; i++) {
            Trees.delete(all.get(i));
        }
        return entry;
    }

    /** The release installed just before the current one, if cached: what {@code rollback} installs. */
    public Optional<Path> newest() {
        List<Path> all = entries().stream().filter(p -> !p.getFileName().toString().endsWith(ROLLED_BACK)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Cached release trees, oldest first. */
    public List<Path> entries() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("while listing the release cache " + dir, e);
        }
    }
}
