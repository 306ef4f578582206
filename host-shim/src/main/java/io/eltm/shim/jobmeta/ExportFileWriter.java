package io.eltm.shim.jobmeta;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an export file (see {@link ExportFormat}) row by row, each row as COPY sent it: memory stays
 * flat however many rows, and no row is parsed.
 * The file is created with mode 0600 from the start, under a temporary name in the same directory,
 * and renamed into place only by {@link #finish}: a half-written export never looks complete.
 */
public final class ExportFileWriter implements Closeable {

    private final ObjectMapper mapper = ExportFormat.preparedMapper();
    private final LineDigest content = new LineDigest();
    private final List<TableSection> sections = new ArrayList<>();
    private final Clock clock;
    private final String source;
    private final String sourceTimeZone;
    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private SequenceMark sequence;
    private LineDigest section;
    private ExportFormat.SectionStart current;
    private long rows;
    private boolean finished;

    private ExportFileWriter(Path target, Clock clock, String source, String sourceTimeZone, boolean gzip)
            throws IOException {
        this.target = target.toAbsolutePath();
        this.clock = clock;
        this.source = source;
        this.sourceTimeZone = sourceTimeZone;
        this.temporary = this.target.resolveSibling("." + this.target.getFileName() + ".partial");
        Files.deleteIfExists(temporary);
        OutputStream file = Channels.newOutputStream(Files.newByteChannel(temporary,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ExportFormat.fileMode()));
        OutputStream buffered = new BufferedOutputStream(file, 1 << 16);
        this.out = gzip ? new FastGzip(buffered) : buffered;
    }

    /**
     * Starts {@code out}'s export; refuses to replace an existing file.
     *
     * @param sourceTimeZone the legacy server's {@code TimeZone}, or {@code null} when unknown
     * @param gzip           whether to compress (5x smaller, but deflate costs more CPU than the whole export)
     */
    public static ExportFileWriter create(Path out, Clock clock, String source, String sourceTimeZone, boolean gzip)
            throws IOException {
        if (Files.exists(out)) {
            throw new io.eltm.shim.RefusedException("export file " + out + " already exists: move it away or "
                    + "choose another --out");
        }
        ExportFileWriter writer = new ExportFileWriter(out, clock, source, sourceTimeZone, gzip);
        writer.writeLine(writer.mapper.writeValueAsBytes(
                new ExportFormat.Header(ExportFormat.MAGIC, ExportFormat.VERSION, source)), null);
        return writer;
    }

    public void beginTable(String table, List<ColumnDef> columns) throws IOException {
        current = new ExportFormat.SectionStart(table, List.copyOf(columns));
        section = new LineDigest();
        rows = 0;
        writeLine(mapper.writeValueAsBytes(current), section);
    }

    /** One row as {@code COPY ... TO STDOUT} (text format) sent it, its newline included. */
    public void copyRow(byte[] row) throws IOException {
        if (row.length == 0 || row[row.length - 1] != '\n') {
            throw new IllegalArgumentException("a COPY text row ends with its newline");
        }
        // rows are hashed once, into their section's digest; the content digest covers the section ends
        section.updateRaw(row);
        out.write(row);
        rows++;
    }

    public TableSection endTable() throws IOException {
        section.update(ExportFormat.END_OF_ROWS);
        out.write(ExportFormat.END_OF_ROWS);
        out.write('\n');
        TableSection done = new TableSection(current.table(), current.columns(), rows, section.hex());
        writeLine(mapper.writeValueAsBytes(new ExportFormat.SectionEnd(done.table(), rows, done.sha256())), null);
        sections.add(done);
        current = null;
        return done;
    }

    public void sequence(SequenceMark mark) throws IOException {
        this.sequence = mark;
        writeLine(mapper.writeValueAsBytes(new ExportFormat.SequenceLine(mark)), null);
    }

    /** Writes the manifest, closes the file and moves it to its name. */
    public ExportManifest finish() throws IOException {
        ExportManifest manifest = new ExportManifest(ExportFormat.VERSION, clock.instant(), source, sourceTimeZone, sections,
                sequence, content.hex());
        byte[] last = mapper.writeValueAsBytes(new ExportFormat.ManifestLine(manifest));
        out.write(last);
        out.write('\n');
        out.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
        return manifest;
    }

    private void writeLine(byte[] bytes, LineDigest sectionDigest) throws IOException {
        content.update(bytes);
        if (sectionDigest != null) {
            sectionDigest.update(bytes);
        }
        out.write(bytes);
        out.write('\n');
    }

    /** Without {@link #finish}: an abandoned export, whose partial file is removed. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Speed over ratio: the file is read once and deleted. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
