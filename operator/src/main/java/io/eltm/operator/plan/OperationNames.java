package io.eltm.operator.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names operations deterministically: {@code <installation>-<10 hex digits>}, the digits a sha256 of the
 * generation, the desired version and the previous operation. The same spec and history always give the same
 * name, so a reconcile repeated after a crash finds the operation it already created instead of making a second
 * one; a new generation, or any operation folded since, gives a new name. At most 63 characters, so the name
 * also fits a label value.
 */
public final class OperationNames {

    static final int MAX_LENGTH = 63;
    private static final int HASH_LENGTH = 10;

    private OperationNames() {
    }

    public static String forSpec(InstallationFacts installation) {
        String key = installation.generation() + "\n" + installation.desiredVersion() + "\n"
                + (installation.previousOperation() == null ? "" : installation.previousOperation());
        String prefix = installation.name();
        if (prefix.length() > MAX_LENGTH - HASH_LENGTH - 1) {
            prefix = prefix.substring(0, MAX_LENGTH - HASH_LENGTH - 1).replaceAll("[-.]+$", "");
        }
        return prefix + "-" + sha256Hex(key).substring(0, HASH_LENGTH);
    }

    /** Lowercase hex sha256 of {@code text} (UTF-8), for names derived from other names. */
    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
