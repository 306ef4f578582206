package io.eltm.shim.jobmeta;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last line of an export file: what it holds and how to check it.
 *
 * @param formatVersion  {@link ExportFormat#VERSION} of the writer
 * @param createdAt      when the export finished
 * @param source         where it came from (host, port, database; never a password)
 * @param sourceTimeZone the legacy server's configured {@code TimeZone}, which gives zone-less timestamps
 *                       their meaning, or {@code null} when the export could not read it
 * @param tables         the table sections in file order, which is dependency order
 * @param sequence       the version sequence's high-water mark, or {@code null} if the source has none
 * @param contentSha256  SHA-256 (hex) of every line before the manifest but rows (covered by their section's)
 */
public record ExportManifest(int formatVersion, Instant createdAt, String source, String sourceTimeZone,
        List<TableSection> tables, SequenceMark sequence, String contentSha256) {

    public ExportManifest {
        tables = List.copyOf(tables);
    }

    public Optional<TableSection> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableSection::rows).sum();
    }
}
