package io.eltm.shim.jobmeta;

import java.nio.charset.StandardCharsets;

/** Encodes one row for {@code COPY ... FROM STDIN} in text format: tab-separated, {@code \N} for null. */
final class CopyTextEncoder {

    private final StringBuilder line = new StringBuilder(1024);

    byte[] encode(String[] values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            String value = values[i];
            if (value == null) {
                line.append("\\N");
                continue;
            }
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }
        line.append('\n');
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }
}
