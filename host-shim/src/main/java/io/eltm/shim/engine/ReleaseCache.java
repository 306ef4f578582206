package io.eltm.shim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The releases installed before the current one, kept as the trees of their replaced paths (what
 * the swap moved aside), so {@code rollback} is a rename back and needs no tarball, not even for the
 * release that was installed by hand. The newest {@value #KEEP} are kept.
 */
public final class ReleaseCache {

    public static final int KEEP = 3;

    private final Path dir;

    public ReleaseCache(ShimPaths paths) {
        this.dir = paths.releaseCache();
    }

    /** Files a release tree that was just replaced; drops the oldest beyond {@value #KEEP}. */
    public Path add(Path tree, String version, Instant at) throws IOException {
        Files.createDirectories(dir);
        Path entry = dir.resolve(String.format("%013d-%s", at.toEpochMilli(), version));
        Files.move(tree, entry, StandardCopyOption.ATOMIC_MOVE);
        List<Path> all = entries();
        for (int i = 0; i < all.size() - KEEP; i++) {
            Trees.delete(all.get(i));
        }
        return entry;
    }

    /** The release installed just before the current one, if cached. */
    public Optional<Path> newest() {
        List<Path> all = entries();
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
