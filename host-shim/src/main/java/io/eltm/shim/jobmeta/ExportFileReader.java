package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an export file in one streaming pass, checking every section's row count and SHA-256 and the
 * manifest as it goes. A file that was truncated, corrupted or edited is refused naming the file and
 * the section. Importing reads the file twice (check, then load), so nothing is stopped for a bad file.
 */
public final class ExportFileReader {

    /** Receives the sections of a file as they are read. */
    public interface Sink {
        /** @return whether this section's rows should be parsed and handed to {@link #row} */
        default boolean beginTable(TableSection declared) throws SQLException, IOException {
            return false;
        }

        /** One row in COPY text format, {@code length} bytes of {@code line}, without its newline. */
        default void row(byte[] line, int length) throws SQLException, IOException {
        }

        /** Called once the section's checksum matched. */
        default void endTable(TableSection section) throws SQLException, IOException {
        }
    }

    private final ObjectMapper mapper = ExportFormat.mapper();
    private final Path file;

    public ExportFileReader(Path file) {
        this.file = file;
    }

    /** Reads the whole file to check it; returns its manifest. */
    public ExportManifest check() throws IOException {
        try {
            return read(new Sink() {
            });
        } catch (SQLException e) {
            throw new IllegalStateException("a sink without a database threw a database error", e);
        }
    }

    public ExportManifest read(Sink sink) throws IOException, SQLException {
        try (InputStream in = open()) {
            return read(new LineReader(in), sink);
        } catch (NoSuchFileException e) {
            throw new RefusedException("export file " + file + " does not exist");
        } catch (ZipException | EOFException e) {
            throw refused("is truncated or not a jobmeta export (" + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            throw refused("has a damaged line (" + e.getOriginalMessage() + "): export again");
        }
    }

    /** Plain or gzip, by the first two bytes. */
    private InputStream open() throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private ExportManifest read(LineReader lines, Sink sink) throws IOException, SQLException {
        LineDigest content = new LineDigest();
        List<TableSection> sections = new ArrayList<>();
        SequenceMark sequence = null;
        header(lines, content);
        while (lines.next()) {
            JsonNode node = object(lines);
            if (node.has("table")) {
                sections.add(section(lines, node, content, sink));
            } else if (node.has("sequence")) {
                content.update(lines.bytes(), lines.length());
                sequence = mapper.treeToValue(node, ExportFormat.SequenceLine.class).sequence();
            } else if (node.has("manifest")) {
                ExportManifest manifest = mapper.treeToValue(node, ExportFormat.ManifestLine.class).manifest();
                checkManifest(manifest, sections, sequence, content.hex());
                if (lines.next()) {
                    throw refused("has data after its manifest");
                }
                return manifest;
            } else {
                throw refused("has an unknown line: " + abbreviate(node.toString()));
            }
        }
        throw refused("is truncated: it ends without its manifest");
    }

    private void header(LineReader lines, LineDigest content) throws IOException {
        if (!lines.next()) {
            throw refused("is empty");
        }
        JsonNode node = object(lines);
        if (!ExportFormat.MAGIC.equals(node.path("format").asText())) {
            throw refused("is not a jobmeta export (no '" + ExportFormat.MAGIC + "' header)");
        }
        int version = node.path("formatVersion").asInt();
        if (version > ExportFormat.VERSION) {
            throw refused("has format version " + version + "; this eltm-shim reads up to "
                    + ExportFormat.VERSION + ": use a newer eltm-shim on this host");
        }
        if (version < ExportFormat.VERSION) {
            throw refused("has format version " + version + ", written by an older eltm-shim that did not record "
                    + "the legacy server's time zone: export again with this eltm-shim");
        }
        content.update(lines.bytes(), lines.length());
    }

    private TableSection section(LineReader lines, JsonNode startNode, LineDigest content, Sink sink)
            throws IOException, SQLException {
        ExportFormat.SectionStart start = mapper.treeToValue(startNode, ExportFormat.SectionStart.class);
        LineDigest digest = new LineDigest();
        digest.update(lines.bytes(), lines.length());
        content.update(lines.bytes(), lines.length());
        boolean wantsRows = sink.beginTable(new TableSection(start.table(), start.columns(), -1, null));
        long rows = 0;
        while (lines.next()) {
            if (!endOfRows(lines)) {
                digest.update(lines.bytes(), lines.length());
                rows++;
                if (wantsRows) {
                    sink.row(lines.bytes(), lines.length());
                }
                continue;
            }
            digest.update(lines.bytes(), lines.length());
            if (!lines.next()) {
                break;
            }
            content.update(lines.bytes(), lines.length());
            ExportFormat.SectionEnd end = mapper.treeToValue(object(lines), ExportFormat.SectionEnd.class);
            String sha256 = digest.hex();
            if (!start.table().equals(end.end()) || end.rows() != rows || !sha256.equals(end.sha256())) {
                throw refused("failed its check in table " + start.table() + ": " + rows + " rows with SHA-256 "
                        + sha256 + " read, " + end.rows() + " rows with " + end.sha256()
                        + " recorded; the file was changed or damaged after export: export again");
            }
            TableSection section = new TableSection(start.table(), start.columns(), rows, sha256);
            sink.endTable(section);
            return section;
        }
        throw refused("is truncated inside table " + start.table());
    }

    private static boolean endOfRows(LineReader lines) {
        return lines.length() == 2 && lines.bytes()[0] == '\\' && lines.bytes()[1] == '.';
    }

    private void checkManifest(ExportManifest manifest, List<TableSection> sections, SequenceMark sequence,
            String contentSha256) {
        if (!manifest.tables().equals(sections) || !contentSha256.equals(manifest.contentSha256())
                || (manifest.sequence() == null ? sequence != null : !manifest.sequence().equals(sequence))) {
            throw refused("does not match its manifest (tables, counts, checksums or sequence differ): the file "
                    + "was changed or damaged after export: export again");
        }
    }

    private JsonNode object(LineReader lines) throws IOException {
        if (lines.length() == 0 || lines.bytes()[0] != '{') {
            throw refused("has a row outside any table section");
        }
        return mapper.readTree(lines.bytes(), 0, lines.length());
    }

    private RefusedException refused(String problem) {
        return new RefusedException("export file " + file + " " + problem);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
