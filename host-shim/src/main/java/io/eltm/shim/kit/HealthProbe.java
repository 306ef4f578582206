package io.eltm.shim.kit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;

/**
 * GETs the install's health URL over TLS, trusting exactly the install's own self-signed certificate
 * (from {@code server/keystore.jks}) rather than switching verification off.
 */
final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final URI url;
    private final Path keystore;

    HealthProbe(URI url, Path keystore) {
        this.url = url;
        this.keystore = keystore;
    }

    /** @throws UncheckedIOException when nothing answers (connection refused, TLS failure, timeout) */
    HealthResponse get() {
        try {
            HttpsURLConnection connection = (HttpsURLConnection) url.toURL().openConnection();
            connection.setSSLSocketFactory(trustingInstallCertificate().getSocketFactory());
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                int status = connection.getResponseCode();
                InputStream body = status < HttpURLConnection.HTTP_BAD_REQUEST
                        ? connection.getInputStream() : connection.getErrorStream();
                return new HealthResponse(status,
                        body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from the health URL " + url + ": " + e.getMessage(), e);
        }
    }

    private SSLContext trustingInstallCertificate() throws IOException {
        char[] password = SelfSignedKeystore.PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore install = KeyStore.getInstance("JKS");
            install.load(in, password);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            for (String alias : Collections.list(install.aliases())) {
                Certificate certificate = install.getCertificate(alias);
                if (certificate != null) {
                    trusted.setCertificateEntry(alias, certificate);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the certificate of " + keystore + ": " + e.getMessage(), e);
        }
    }
}
