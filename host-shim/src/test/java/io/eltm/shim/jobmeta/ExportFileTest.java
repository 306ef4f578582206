package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
        Path file = write(List.<String[]>of(new String[] {"job_1", "{}"}));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void everyValueComesBackExactlyIncludingTabsNewlinesBackslashesQuotesUnicodeAndNulls() throws Exception {
        List<String[]> rows = List.of(
                new String[] {"job\t1", "line one\nline two\r\n"},
                new String[] {"C:\\data\\in", "\"quoted\" été – \u0000-free"},
                new String[] {"job_3", null},
                new String[] {"", "\\N"});
        Path file = write(rows);

        List<String[]> read = new ArrayList<>();
        ExportManifest manifest = new ExportFileReader(file).read(new ExportFileReader.Sink() {
            @Override
            public boolean beginTable(TableSection declared) {
                return true;
            }

            @Override
            public void row(String[] values) {
                read.add(values.clone());
            }
        });

        assertThat(read).usingElementComparator(Arrays::compare).containsExactlyElementsOf(rows);
        assertThat(manifest.table("t_job_meta").orElseThrow().rows()).isEqualTo(4);
        assertThat(manifest.createdAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void rowChangedAfterExportIsRefusedNamingTheTable() throws IOException {
        Path file = write(List.<String[]>of(new String[] {"job_1", "{}"}, new String[] {"job_2", "{}"}));
        Path tampered = dir.resolve("tampered.export");
        Files.write(tampered, Gzip.edit(Files.readAllBytes(file), text -> text.replace("job_2", "job_9")));

        assertThatThrownBy(() -> new ExportFileReader(tampered).check())
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("tampered.export failed its check in table t_job_meta")
                .hasMessageContaining("export again");
    }

    @Test
    void manifestChangedAfterExportIsRefused() throws IOException {
        Path file = write(List.<String[]>of(new String[] {"job_1", "{}"}));
        Path tampered = dir.resolve("tampered.export");
        // the manifest is the last line: claim more rows there than the section holds
        Files.write(tampered, Gzip.edit(Files.readAllBytes(file), text -> {
            int at = text.lastIndexOf("\"rows\":1,");
            return text.substring(0, at) + "\"rows\":5," + text.substring(at + "\"rows\":1,".length());
        }));

        assertThatThrownBy(() -> new ExportFileReader(tampered).check())
                .isInstanceOf(RefusedException.class).hasMessageContaining("does not match its manifest");
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = write(List.<String[]>of(new String[] {"job_1", "{}"}));
        Path truncated = dir.resolve("truncated.export");
        byte[] whole = Gzip.edit(Files.readAllBytes(file), text -> text.substring(0, text.lastIndexOf("{\"manifest\"")));
        Files.write(truncated, whole);

        assertThatThrownBy(() -> new ExportFileReader(truncated).check())
                .isInstanceOf(RefusedException.class).hasMessageContaining("ends without its manifest");
    }

    @Test
    void abandonedExportLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("abandoned.export");
        try (ExportFileWriter writer = ExportFileWriter.create(file, CLOCK, "legacy at test")) {
            writer.beginTable("t_job_meta", COLUMNS);
            writer.row(new String[] {"job_1", "{}"});
        }

        try (var entries = Files.list(dir)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void existingFileIsNeverOverwritten() throws IOException {
        Path file = Files.writeString(dir.resolve("existing.export"), "keep me");

        assertThatThrownBy(() -> ExportFileWriter.create(file, CLOCK, "legacy at test"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    private Path write(List<String[]> rows) throws IOException {
        Path file = dir.resolve("job-meta.export");
        try (ExportFileWriter writer = ExportFileWriter.create(file, CLOCK, "legacy at test")) {
            writer.beginTable("t_job_meta", COLUMNS);
            for (String[] row : rows) {
                writer.row(row);
            }
            writer.endTable();
            writer.sequence(new SequenceMark(JobmetaTables.VERSION_SEQUENCE, 10, true, 12L));
            writer.finish();
        }
        return file;
    }
}
