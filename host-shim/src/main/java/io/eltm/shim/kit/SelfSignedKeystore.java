package io.eltm.shim.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        ProcessBuilder builder = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "eltm",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                "-dname", "CN=127.0.0.1, OU=ELTM sample install", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                "-storetype", "JKS", "-keystore", keystore.toString(),
                // passwords through the environment, never on the command line (visible to ps)
                "-storepass:env", "ELTM_KEYSTORE_PASSWORD", "-keypass:env", "ELTM_KEYSTORE_PASSWORD"))
                .redirectErrorStream(true);
        builder.environment().put("ELTM_KEYSTORE_PASSWORD", PASSWORD);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not generate " + keystore + ": " + output);
            }
            Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + keytool + " for " + keystore + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating " + keystore, e);
        }
    }
}
