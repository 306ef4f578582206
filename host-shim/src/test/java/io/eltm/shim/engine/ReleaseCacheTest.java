package io.eltm.shim.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseCacheTest {

    @TempDir
    Path install;

    @Test
    void theReleaseARollbackLeftIsKeptButNeverOfferedToTheNextRollback() throws IOException {
        ShimPaths paths = new ShimPaths(install);
        ReleaseCache cache = new ReleaseCache(paths, new DurableFiles(CrashPoints.none(paths)));
        Path a = cache.add(tree("a"), "8.4.1", Instant.parse("2026-11-01T10:00:00Z"), false);
        Path b = cache.add(tree("b"), "8.4.2", Instant.parse("2026-11-02T10:00:00Z"), false);

        cache.add(tree("c"), "8.4.3", Instant.parse("2026-11-03T10:00:00Z"), true);

        assertThat(cache.newest()).contains(b);
        assertThat(cache.entries()).hasSize(3).contains(a);
        assertThat(cache.entries().get(2).resolve("VERSION")).hasContent("c");
    }

    private Path tree(String content) throws IOException {
        Path dir = Files.createTempDirectory(install, "previous");
        Files.writeString(dir.resolve("VERSION"), content);
        return dir;
    }
}
