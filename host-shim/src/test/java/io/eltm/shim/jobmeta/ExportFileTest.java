package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T05:00:00Z"), ZoneOffset.UTC);
    private static final List<ColumnDef> COLUMNS = List.of(new ColumnDef("job_name", "character varying(200)"),
            new ColumnDef("job_definition", "text"));

    @TempDir
    Path dir;

    @Test
    void fileIsOwnerReadWriteOnlyFromItsCreation() throws IOException {
        Path file = write(List.of("job_1\t{}"));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void everyRowComesBackByteForByteAsCopySentItPlainOrCompressed() throws Exception {
        // COPY text rows: escaped tabs, newlines and backslashes, \N for null, a row that looks like JSON
        List<String> rows = List.of("job\\t1\tline one\\nline two\\r\\n", "C:\\\\data\\\\in\t\"quoted\" été –",
                "job_3\t\\N", "\t\\\\N", "{\"end\":\"t_job_meta\"}\t[1]");
        for (boolean gzip : List.of(false, true)) {
            Path file = write(rows, gzip, "gzip-" + gzip + ".export");

            List<String> read = new ArrayList<>();
            ExportManifest manifest = new ExportFileReader(file).read(new ExportFileReader.Sink() {
                @Override
                public boolean beginTable(TableSection declared) {
                    return true;
                }

                @Override
                public void row(byte[] line, int length) {
                    read.add(new String(line, 0, length, StandardCharsets.UTF_8));
                }
            });

            assertThat(read).as("gzip " + gzip).containsExactlyElementsOf(rows);
            assertThat(manifest.table("t_job_meta").orElseThrow().rows()).isEqualTo(5);
            assertThat(manifest.createdAt()).isEqualTo(CLOCK.instant());
            assertThat(manifest.sourceTimeZone()).isEqualTo("America/New_York");
        }
    }

    @Test
    void fileOfTheFirstFormatIsRefusedAskingForANewExport() throws IOException {
        Path file = write(List.of("job_1\t{}"));
        Path old = dir.resolve("old.export");
        Files.writeString(old, Files.readString(file).replace("\"formatVersion\":2", "\"formatVersion\":1"));

        assertThatThrownBy(() -> new ExportFileReader(old).check()).isInstanceOf(RefusedException.class)
                .hasMessageContaining("has format version 1").hasMessageContaining("export again");
    }

    @Test
    void rowChangedAfterExportIsRefusedNamingTheTable() throws IOException {
        Path file = write(List.of("job_1\t{}", "job_2\t{}"), true, "job-meta.export");
        Path tampered = dir.resolve("tampered.export");
        Files.write(tampered, Gzip.edit(Files.readAllBytes(file), text -> text.replace("job_2", "job_9")));

        assertThatThrownBy(() -> new ExportFileReader(tampered).check())
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("tampered.export failed its check in table t_job_meta")
                .hasMessageContaining("export again");
    }

    @Test
    void manifestChangedAfterExportIsRefused() throws IOException {
        Path file = write(List.of("job_1\t{}"));
        Path tampered = dir.resolve("tampered.export");
        // the manifest is the last line: claim more rows there than the section holds
        String text = Files.readString(file);
        int at = text.lastIndexOf("\"rows\":1,");
        Files.writeString(tampered, text.substring(0, at) + "\"rows\":5," + text.substring(at + "\"rows\":1,".length()));

        assertThatThrownBy(() -> new ExportFileReader(tampered).check())
                .isInstanceOf(RefusedException.class).hasMessageContaining("does not match its manifest");
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = write(List.of("job_1\t{}"));
        Path truncated = dir.resolve("truncated.export");
        String text = Files.readString(file);
        Files.writeString(truncated, text.substring(0, text.lastIndexOf("{\"manifest\"")));

        assertThatThrownBy(() -> new ExportFileReader(truncated).check())
                .isInstanceOf(RefusedException.class).hasMessageContaining("ends without its manifest");
    }

    @Test
    void abandonedExportLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("abandoned.export");
        try (ExportFileWriter writer = ExportFileWriter.create(file, CLOCK, "legacy at test", "UTC", false)) {
            writer.beginTable("t_job_meta", COLUMNS);
            writer.copyRow("job_1\t{}\n".getBytes(StandardCharsets.UTF_8));
        }

        try (var entries = Files.list(dir)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void existingFileIsNeverOverwritten() throws IOException {
        Path file = Files.writeString(dir.resolve("existing.export"), "keep me");

        assertThatThrownBy(() -> ExportFileWriter.create(file, CLOCK, "legacy at test", "UTC", false))
                .isInstanceOf(RefusedException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    private Path write(List<String> rows) throws IOException {
        return write(rows, false, "job-meta.export");
    }

    private Path write(List<String> rows, boolean gzip, String name) throws IOException {
        Path file = dir.resolve(name);
        try (ExportFileWriter writer = ExportFileWriter.create(file, CLOCK, "legacy at test", "America/New_York",
                gzip)) {
            writer.beginTable("t_job_meta", COLUMNS);
            for (String row : rows) {
                writer.copyRow((row + "\n").getBytes(StandardCharsets.UTF_8));
            }
            writer.endTable();
            writer.sequence(new SequenceMark(JobmetaTables.VERSION_SEQUENCE, 10, true, 12L));
            writer.finish();
        }
        return file;
    }
}
