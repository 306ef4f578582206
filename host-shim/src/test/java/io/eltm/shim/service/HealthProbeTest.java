package io.eltm.shim.service;

import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.status.ReleaseInfo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The health verdict against a real HTTP server and a real show-mprocess script. */
class HealthProbeTest {

    private static final ReleaseInfo OLD = new ReleaseInfo("8.4.1", "2026-10-01T09:00:00Z", "a".repeat(40));
    private static final ReleaseInfo NEW = new ReleaseInfo("8.4.2", "2026-11-01T10:15:00Z", "b".repeat(40));

    @TempDir
    Path install;

    private HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Handler handler;

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        showMprocess("exit 0");
    }

    @AfterEach
    void stopServer() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void theOldReleaseStillAnsweringIsNotTheNewOneBeingHealthy() throws IOException {
        handler = exchange -> answer(exchange, 200, wsdl(OLD));

        HealthProbe.Verdict v = probe().awaitHealthy(Duration.ofSeconds(3), NEW);

        assertThat(v.healthy()).isFalse();
        assertThat(v.detail()).contains("does not serve VERSION 8.4.2");
        assertThat(probe().awaitHealthy(Duration.ofSeconds(5), OLD).healthy()).isTrue();
    }

    @Test
    void theRightVersionBuiltFromAnotherCommitIsNotHealthy() throws IOException {
        handler = exchange -> answer(exchange, 200, wsdl(new ReleaseInfo(NEW.version(), NEW.builtAt(), "c".repeat(40))));

        HealthProbe.Verdict v = probe().awaitHealthy(Duration.ofSeconds(3), NEW);

        assertThat(v.healthy()).isFalse();
        assertThat(v.detail()).contains("GIT_SHA " + NEW.gitSha());
    }

    @Test
    void healthyMeansHealthyForTheWholeStableWindowAndDatesFromItsFirstProbe() throws IOException {
        handler = exchange -> answer(exchange, 200, wsdl(NEW));
        Instant start = Instant.now();

        HealthProbe.Verdict v = probe().awaitHealthy(Duration.ofSeconds(10), NEW);

        assertThat(v.healthy()).as(v.detail()).isTrue();
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(HealthProbe.STABLE_FOR);
        assertThat(Duration.between(start, v.since())).isLessThan(HealthProbe.STABLE_FOR);
    }

    @Test
    void aReleaseThatFlapsIsNeverHealthy() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        handler = exchange -> answer(exchange, requests.incrementAndGet() % 3 == 0 ? 503 : 200, wsdl(NEW));

        HealthProbe.Verdict v = probe().awaitHealthy(Duration.ofSeconds(4), NEW);

        assertThat(v.healthy()).isFalse();
        assertThat(requests.get()).isGreaterThan(3);
    }

    @Test
    void aHealthUrlThatNeverAnswersCannotHoldTheWaitPastTheTimeout() throws IOException {
        handler = exchange -> released.await();
        Instant start = Instant.now();

        HealthProbe.Verdict v = probe().awaitHealthy(Duration.ofSeconds(2), NEW);

        assertThat(v.healthy()).isFalse();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(3500));
    }

    @Test
    void aHangingShowMprocessIsCutAtTheTimeout() throws IOException {
        handler = exchange -> answer(exchange, 200, wsdl(NEW));
        showMprocess("sleep 60");
        Instant start = Instant.now();

        HealthProbe.Verdict v = probe().awaitHealthy(Duration.ofSeconds(2), NEW);

        assertThat(v.healthy()).isFalse();
        assertThat(v.detail()).contains("show-mprocess exited 124");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(3500));
    }

    private HealthProbe probe() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/MaestroMetaService?wsdl");
        InstallEnvironment env = new InstallEnvironment(install, Optional.empty(), "127.0.0.1", 1, "nobody", "sqlmaestro",
                Optional.empty(), url, Map.of("PATH", "/usr/bin:/bin"));
        return new HealthProbe(new ServiceScripts(env, Duration.ofMinutes(10)), url, Clock.systemUTC());
    }

    private void showMprocess(String body) throws IOException {
        Path script = install.resolve("server/webserver/admin/show-mprocess");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/bash\n" + body + "\n");
    }

    private static String wsdl(ReleaseInfo release) {
        return "<definitions><documentation>ELTM MaestroMetaService VERSION=" + release.version() + " GIT_SHA="
                + release.gitSha() + "</documentation></definitions>";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
