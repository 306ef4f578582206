package io.eltm.shim.release;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link TarArchiveInputStream} that remembers when an entry's name was absolute. Commons Compress
 * strips the leading '/' of names that come from a PAX {@code path} header or a GNU long-name
 * entry (as GNU tar does by default), but contract §4 wants such an entry refused by name, so the
 * raw long names are watched as they are read. It also refuses, before reading them, header records
 * (PAX headers, GNU long names and links) larger than {@link #MAX_HEADER_BYTES}: Commons Compress holds
 * such records in memory whole, so a hostile size would otherwise decide how much memory we use.
 */
final class RawNameTarInputStream extends TarArchiveInputStream {

    /** Far above any real header (a long name is at most PATH_MAX), far below what could hurt the heap. */
    static final long MAX_HEADER_BYTES = 1 << 20;

    private final ByteArrayOutputStream paxHeader = new ByteArrayOutputStream();
    private final TarballRefusals refusals;
    private final java.util.function.Supplier<String> lastEntry;
    private String absoluteLongName;
    private int depth;

    /** @param lastEntry the name of the last entry read, for the refusal of an oversized header after it */
    RawNameTarInputStream(InputStream in, TarballRefusals refusals, java.util.function.Supplier<String> lastEntry) {
        super(in);
        this.refusals = refusals;
        this.lastEntry = lastEntry;
    }

    /** Commons Compress calls this recursively after a long-name header; only the outer call resets. */
    @Override
    public TarArchiveEntry getNextEntry() throws IOException {
        if (depth++ == 0) {
            paxHeader.reset();
            absoluteLongName = null;
        }
        try {
            return super.getNextEntry();
        } finally {
            if (--depth == 0 && absoluteLongName == null) {
                absoluteLongName = absolutePaxPath(paxHeader.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** The entry's name as the archive wrote it: with its leading '/' when the stored name had one. */
    String rawName(TarArchiveEntry entry) {
        return absoluteLongName != null ? absoluteLongName : entry.getName();
    }

    @Override
    protected byte[] getLongNameData() throws IOException {
        TarArchiveEntry longNameEntry = getCurrentEntry();
        boolean isName = longNameEntry != null && longNameEntry.isGNULongNameEntry();
        byte[] data = super.getLongNameData(); // reads the next header too, so the current entry changes
        if (isName && data != null && data.length > 0 && data[0] == '/') {
            absoluteLongName = new String(data, StandardCharsets.UTF_8);
        }
        return data;
    }

    // The inherited read() goes through here too, so every header byte is captured once.
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        requireSmallHeader();
        int read = super.read(buffer, offset, length);
        if (read > 0 && readingPaxHeader()) {
            paxHeader.write(buffer, offset, read);
        }
        return read;
    }

    private void requireSmallHeader() {
        TarArchiveEntry current = getCurrentEntry();
        boolean header = current != null && (current.isPaxHeader() || current.isGlobalPaxHeader()
                || current.isGNULongNameEntry() || current.isGNULongLinkEntry());
        if (header && current.getSize() > MAX_HEADER_BYTES) {
            String after = lastEntry.get() == null ? "before the first entry" : "after entry '" + lastEntry.get() + "'";
            throw refusals.archive("a tar header record " + after + " declares " + current.getSize()
                    + " bytes, over the limit of " + MAX_HEADER_BYTES + " bytes for PAX headers and long names");
        }
    }

    private boolean readingPaxHeader() {
        TarArchiveEntry current = getCurrentEntry();
        return current != null && current.isPaxHeader();
    }

    // PAX records are "<length> <key>=<value>\n".
    private static String absolutePaxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=/", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }
}
