package io.eltm.shim.release;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** sha256 helpers shared by the tarball pass and the download. */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    /** A fresh digest; every JDK ships SHA-256. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The {@code --sha256} value in lowercase.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits (a usage error)
     */
    public static String normalize(String expected) {
        String lower = expected.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(lower).matches()) {
            throw new IllegalArgumentException("--sha256 '" + expected + "' is not a sha256: expected 64 hex digits");
        }
        return lower;
    }

    /** Refusal for a checksum mismatch; {@code what} names the file or URL. */
    static io.eltm.shim.RefusedException mismatch(String what, String expected, String actual) {
        return new io.eltm.shim.RefusedException("sha256 mismatch for " + what + ": expected " + expected
                + " (--sha256) but the file has " + actual + "; the file is damaged or not the release you meant: "
                + "download it again or check the published checksum");
    }
}
