package io.eltm.shim.jobmeta;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running SHA-256 over lines of an export file, each counted with its newline. */
final class LineDigest {

    private final MessageDigest digest;

    LineDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    void update(byte[] bytes) {
        update(bytes, bytes.length);
    }

    void update(byte[] bytes, int length) {
        digest.update(bytes, 0, length);
        digest.update((byte) '\n');
    }

    /** Bytes that already end with their newline. */
    void updateRaw(byte[] bytes) {
        digest.update(bytes);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
