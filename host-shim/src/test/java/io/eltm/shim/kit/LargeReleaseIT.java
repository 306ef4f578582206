package io.eltm.shim.kit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark release: built once into the user cache (tens of seconds), reused afterwards. */
class LargeReleaseIT {

    @Test
    void largeReleaseHoldsAbout400MegabytesInAbout3000FilesAndIsBuiltOnce() throws IOException {
        ReleaseKit kit = ReleaseKit.inUserCache();
        Path tarball = kit.build(SampleReleases.large());

        TarballListing release = TarballListing.readWithoutContent(tarball);
        long files = release.entries().values().stream().filter(entry -> !entry.directory()).count();
        long bytes = release.entries().values().stream().mapToLong(TarballListing.Entry::size).sum();

        assertThat(files).isBetween(3_000L, 3_100L);
        assertThat(bytes).isBetween(390L << 20, 410L << 20);
        assertThat(Files.size(tarball)).as("compresses about like jars do: little")
                .isBetween(bytes * 7 / 10, bytes);
        assertThat(migrationsAfterA(release)).containsExactly("V3__add_job_owner_email.sql",
                "V4__create_job_tag.sql", "V5__index_step_run_detail.sql");
        assertThat(kit.build(SampleReleases.large())).isEqualTo(tarball);
    }

    private static List<String> migrationsAfterA(TarballListing release) {
        String dir = "eltm-portable-8.7.0/server/pgsql.factory/migrations/";
        return release.entries().keySet().stream()
                .filter(name -> name.startsWith(dir + "V") && !name.startsWith(dir + "V1__")
                        && !name.startsWith(dir + "V2__"))
                .map(name -> name.substring(dir.length()))
                .toList();
    }
}
