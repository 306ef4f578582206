package io.eltm.shim.release;

import io.eltm.api.ReleaseVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheContractsVersionFile() throws IOException {
        Path file = Files.writeString(dir.resolve("VERSION"), "VERSION=8.4.2\nBUILT_AT=2026-11-01T10:15:00Z\n"
                + "GIT_SHA=3f2c9a1d0b7e4c55a0e1f2d3c4b5a69788990aab\n");

        VersionFile version = VersionFile.read(file);

        assertThat(version).isEqualTo(new VersionFile(ReleaseVersion.parse("8.4.2"), "2026-11-01T10:15:00Z",
                "3f2c9a1d0b7e4c55a0e1f2d3c4b5a69788990aab"));
        assertThat(VersionFile.parse(version.format(), "again")).isEqualTo(version);
    }

    @Test
    void toleratesCarriageReturnsQuotesAndMissingOptionalKeys() {
        assertThat(VersionFile.parse("VERSION=\"8.10.0-rc1\"\r\n", "VERSION"))
                .isEqualTo(new VersionFile(ReleaseVersion.parse("8.10.0-rc1"), "", ""));
    }

    @Test
    void refusesFileWithoutVersionLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("VERSION"), "BUILT_AT=2026-11-01T10:15:00Z\n");

        assertThatThrownBy(() -> VersionFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no VERSION= line");
    }

    @Test
    void refusesInvalidVersionNamingFileAndValue() {
        assertThatThrownBy(() -> VersionFile.parse("VERSION=latest\n", "/data/iserver/VERSION"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/data/iserver/VERSION")
                .hasMessageContaining("'latest'");
    }
}
