package io.eltm.shim.release;

import io.eltm.shim.RefusedException;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Downloads over real HTTP and HTTPS from a JDK server on 127.0.0.1. */
class ReleaseSourceTest {

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void downloadsOverHttpsVerifyingTheChecksum() throws Exception {
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.4.2").writeTo(dir.resolve("served.tar.gz"));
        SSLContext tls = selfSignedTls();
        String url = serve(tarball, tls) + "/releases/eltm-portable-8.4.2.tar.gz";
        ReleaseSource source = new ReleaseSource(HttpClient.newBuilder().sslContext(tls)
                .followRedirects(HttpClient.Redirect.NORMAL).build(), dir.resolve("downloads"), Duration.ofSeconds(10));
        AtomicLong progress = new AtomicLong();

        ReleaseSource.LocalRelease release = source.resolve(url,
                Optional.of(ReleaseTarballTest.sha256Of(tarball)), (read, total) -> progress.set(read));

        assertThat(release.file()).isEqualTo(dir.resolve("downloads/eltm-portable-8.4.2.tar.gz"))
                .hasSameBinaryContentAs(tarball);
        assertThat(release.sha256()).contains(ReleaseTarballTest.sha256Of(tarball));
        assertThat(progress.get()).isEqualTo(Files.size(tarball));
        assertThat(ReleaseTarball.of(release.file()).validate(ExtractionLimits.DEFAULT).versionFile().version())
                .hasToString("8.4.2");
    }

    @Test
    void downloadsOverHttpFollowingARedirect() throws Exception {
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.4.2").writeTo(dir.resolve("served.tar.gz"));
        String base = serve(tarball, null);
        server.createContext("/latest", exchange -> {
            exchange.getResponseHeaders().add("Location", base + "/releases/eltm-portable-8.4.2.tar.gz");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });

        ReleaseSource.LocalRelease release = ReleaseSource.withDefaultClient(dir.resolve("downloads"))
                .resolve(base + "/latest", Optional.empty(), ExtractionProgress.NONE);

        assertThat(release.file()).hasSameBinaryContentAs(tarball);
        assertThat(release.downloadedFrom()).hasValueSatisfying(uri -> assertThat(uri).hasPath("/latest"));
    }

    @Test
    void refusesDownloadWithWrongSha256AndKeepsNothing() throws Exception {
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.4.2").writeTo(dir.resolve("served.tar.gz"));
        String url = serve(tarball, null) + "/releases/eltm-portable-8.4.2.tar.gz";
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> ReleaseSource.withDefaultClient(dir.resolve("downloads"))
                .resolve(url, Optional.of(wrong), ExtractionProgress.NONE))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining(url)
                .hasMessageContaining(wrong)
                .hasMessageContaining(ReleaseTarballTest.sha256Of(tarball));
        try (var left = Files.list(dir.resolve("downloads"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void refusesHttpErrorNamingUrlAndStatus() throws Exception {
        String url = serve(dir.resolve("missing"), null) + "/releases/eltm-portable-9.9.9.tar.gz";

        assertThatThrownBy(() -> ReleaseSource.withDefaultClient(dir.resolve("downloads"))
                .resolve(url, Optional.empty(), ExtractionProgress.NONE))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("404");
        try (var left = Files.list(dir.resolve("downloads"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void leavesTheChecksumOfALocalFileToThePassThatReadsIt() throws Exception {
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.4.2").writeTo(dir.resolve("r.tar.gz"));
        ReleaseSource source = ReleaseSource.withDefaultClient(dir.resolve("downloads"));
        AtomicLong hashed = new AtomicLong();

        ReleaseSource.LocalRelease local = source.resolve(tarball.toString(), Optional.of("1".repeat(64)),
                (done, total) -> hashed.set(done));

        assertThat(local.file()).isEqualTo(tarball);
        assertThat(local.sha256()).as("not read here").isEmpty();
        assertThat(hashed).hasValue(0);
        assertThatThrownBy(() -> new ReleaseTarball(local.file(), Optional.of("1".repeat(64)))
                .validate(ExtractionLimits.DEFAULT))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining(tarball.toString())
                .hasMessageContaining("1".repeat(64));
        assertThatThrownBy(() -> source.resolve(dir.resolve("nope.tar.gz").toString(), Optional.empty(),
                ExtractionProgress.NONE))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("nope.tar.gz");
    }

    /** Serves {@code file} at /releases/* (404 when it does not exist); returns the base URL. */
    private String serve(Path file, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/releases/", exchange -> {
            if (!Files.exists(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream body = exchange.getResponseBody(); InputStream in = Files.newInputStream(file)) {
                    in.transferTo(body);
                }
            }
            exchange.close();
        });
        server.start();
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A key pair for 127.0.0.1 made by the JDK's real keytool; the same store serves and trusts it. */
    private SSLContext selfSignedTls() throws Exception {
        Path store = dir.resolve("tls.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
