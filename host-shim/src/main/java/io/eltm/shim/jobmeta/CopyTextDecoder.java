package io.eltm.shim.jobmeta;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one row of {@code COPY ... TO STDOUT} text format (the server's client encoding being UTF-8):
 * tab-separated fields, {@code \N} for null, backslash escapes. pgjdbc streams COPY rows as bytes and
 * has no parser for them; the format is small and fixed (PostgreSQL's "COPY, File Formats, Text Format").
 * Only {@code verify} parses rows (the watermarks); export and import pass them on as they are.
 */
final class CopyTextDecoder {

    private final ByteArrayOutputStream field = new ByteArrayOutputStream(1024);

    /** Fills {@code values} from the first {@code length} bytes of {@code row}, a row without its newline. */
    void decode(byte[] row, int length, String[] values) {
        int column = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || row[i] == '\t') {
                if (column == values.length) {
                    throw new IllegalStateException("COPY row has more than " + values.length + " fields");
                }
                values[column++] = field(row, start, i);
                start = i + 1;
            }
        }
        if (column != values.length) {
            throw new IllegalStateException("COPY row has " + column + " fields instead of " + values.length);
        }
    }

    private String field(byte[] row, int from, int to) {
        if (to - from == 2 && row[from] == '\\' && row[from + 1] == 'N') {
            return null;
        }
        int backslash = indexOf(row, from, to);
        if (backslash < 0) {
            return new String(row, from, to - from, StandardCharsets.UTF_8);
        }
        field.reset();
        field.write(row, from, backslash - from);
        for (int i = backslash; i < to; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 == to) {
                field.write(b);
                continue;
            }
            byte next = row[++i];
            switch (next) {
                case 'b' -> field.write('\b');
                case 'f' -> field.write('\f');
                case 'n' -> field.write('\n');
                case 'r' -> field.write('\r');
                case 't' -> field.write('\t');
                case 'v' -> field.write(0x0b);
                case 'x' -> i = hex(row, i, to);
                default -> {
                    if (next >= '0' && next <= '7') {
                        i = octal(row, i, to);
                    } else {
                        field.write(next);
                    }
                }
            }
        }
        return field.toString(StandardCharsets.UTF_8);
    }

    private int hex(byte[] row, int at, int to) {
        int value = 0;
        int i = at + 1;
        for (int digits = 0; digits < 2 && i < to && Character.digit(row[i], 16) >= 0; digits++, i++) {
            value = value * 16 + Character.digit(row[i], 16);
        }
        if (i == at + 1) {
            field.write('x');
            return at;
        }
        field.write(value);
        return i - 1;
    }

    private int octal(byte[] row, int at, int to) {
        int value = 0;
        int i = at;
        for (int digits = 0; digits < 3 && i < to && row[i] >= '0' && row[i] <= '7'; digits++, i++) {
            value = value * 8 + (row[i] - '0');
        }
        field.write(value);
        return i - 1;
    }

    private static int indexOf(byte[] row, int from, int to) {
        for (int i = from; i < to; i++) {
            if (row[i] == '\\') {
                return i;
            }
        }
        return -1;
    }
}
