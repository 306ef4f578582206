package io.eltm.shim.jobmeta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The export file format, version 2: lines, read and written in one pass; plain, or one gzip stream
 * ({@code export --gzip}), told apart by the gzip magic bytes.
 *
 * <pre>
 * {"format":"eltm-jobmeta","formatVersion":2,"source":"..."}              header
 * {"table":"t_jdbc","columns":[{"name":"id","type":"integer"},...]}        a section starts
 * 1	warehouse	jdbc:postgresql://...	\N ...                            one line per row, as COPY ... TO STDOUT sent it
 * \.                                                                        the rows end (COPY's own end marker)
 * {"end":"t_jdbc","rows":12,"sha256":"..."}                                 the section's checksum
 * ... more sections, in dependency order ...
 * {"sequence":{"name":"seq_job_version_id","lastValue":...}}               optional
 * {"manifest":{...}}                                                        last line: {@link ExportManifest}
 * </pre>
 *
 * Rows are PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes): every
 * type round-trips, a row never holds a raw newline, and no row can be the line {@code \.}. They go
 * from the source's {@code COPY ... TO STDOUT} to the target's {@code COPY ... FROM STDIN} unparsed.
 * A section's SHA-256 covers its header line and its row lines; the manifest's {@code contentSha256}
 * covers every line before it except rows, which it covers through the section ends that carry their
 * digest (each row is hashed once). Version 1 (JSON rows, always gzip) is refused: export again.
 */
public final class ExportFormat {

    public static final String MAGIC = "eltm-jobmeta";
    public static final int VERSION = 2;

    /** The line that ends a section's rows. */
    public static final byte[] END_OF_ROWS = {'\\', '.'};

    /** Owner read/write only: the file carries base64 passwords. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private ExportFormat() {
    }

    public static FileAttribute<Set<PosixFilePermission>> fileMode() {
        return PosixFilePermissions.asFileAttribute(FILE_MODE);
    }

    /**
     * Starts building the export writer's mapper on another thread: Jackson's first use loads about 0.3 s of
     * classes, which then overlaps with sourcing the env file and connecting (docs/performance.md).
     */
    public static void prepareMapper() {
        PreparedMapper.MAPPER.isDone(); // touching the holder starts it, once
    }

    /** The mapper {@link #prepareMapper} started, shared (a configured ObjectMapper is thread-safe). */
    static ObjectMapper preparedMapper() {
        return PreparedMapper.MAPPER.join();
    }

    private static final class PreparedMapper {
        static final CompletableFuture<ObjectMapper> MAPPER = CompletableFuture.supplyAsync(() -> {
            ObjectMapper mapper = mapper();
            try {
                mapper.writeValueAsBytes(new Header(MAGIC, VERSION, ""));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write an export header", e);
            }
            return mapper;
        });
    }

    /** The mapper for header, section and manifest lines (never for rows, which stream). */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Lines other than rows, as records. */
    public record Header(String format, int formatVersion, String source) {
    }

    public record SectionStart(String table, java.util.List<ColumnDef> columns) {
    }

    public record SectionEnd(String end, long rows, String sha256) {
    }

    public record SequenceLine(SequenceMark sequence) {
    }

    public record ManifestLine(ExportManifest manifest) {
    }
}
