package io.eltm.shim.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBinariesIT {

    @TempDir
    Path cache;

    @Test
    void twoConcurrentUnpacksOfAFreshCacheBothGetOneCompleteBinDirectory() throws Exception {
        CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> new PostgresBinaries(cache).binDir());
        CompletableFuture<Path> second = CompletableFuture.supplyAsync(() -> new PostgresBinaries(cache).binDir());

        Path bin = first.get();

        assertThat(second.get()).isEqualTo(bin).isEqualTo(cache.resolve(PostgresBinaries.VERSION).resolve("bin"));
        for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
            assertThat(Files.isExecutable(bin.resolve(tool))).as(tool).isTrue();
        }
        assertThat(bin.resolveSibling("lib/libpq.so.5")).as("symlinks of the archive resolve").isRegularFile();
        try (var leftovers = Files.list(cache)) {
            assertThat(leftovers).as("no temporary unpack directory left behind")
                    .containsExactly(cache.resolve(PostgresBinaries.VERSION));
        }
        Process version = new ProcessBuilder(bin.resolve("postgres").toString(), "--version").start();
        assertThat(new String(version.getInputStream().readAllBytes())).contains("15.14");
    }
}
