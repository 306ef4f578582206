package io.eltm.shim.jobmeta;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Edits a gzip file's text and compresses it again, as someone changing an export by hand would. */
final class Gzip {

    private Gzip() {
    }

    static byte[] edit(byte[] gzip, UnaryOperator<String> edit) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String edited = edit.apply(text);
        if (edited.equals(text)) {
            throw new IllegalArgumentException("the edit changed nothing");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(edited.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
