package io.eltm.shim.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the install's {@code server/keystore.jks} with the JDK's {@code keytool}, as the product's
 * first install does: a self-signed key pair whose SAN names this host (127.0.0.1, localhost).
 */
final class SelfSignedKeystore {

    /** The stand-in's default; a sample install holds no secret worth protecting with a better one. */
    static final String PASSWORD = "changeit";

    private SelfSignedKeystore() {
    }

    static void generate(Path keystore) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("ELTM_KEYSTORE_PASSWORD", PASSWORD);
        ProcessRunner.runOrThrow(List.of(keytool.toString(), "-genkeypair", "-alias", "eltm",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                "-dname", "CN=127.0.0.1, OU=ELTM sample install", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                "-storetype", "JKS", "-keystore", keystore.toString(),
                // passwords through the environment, never on the command line (visible to ps)
                "-storepass:env", "ELTM_KEYSTORE_PASSWORD", "-keypass:env", "ELTM_KEYSTORE_PASSWORD"),
                environment, Duration.ofMinutes(1), "keytool generating " + keystore);
        try {
            Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("restricting " + keystore + " to its owner: " + e.getMessage(), e);
        }
    }
}
