package io.eltm.shim.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Healthy = {@code show-mprocess} exits 0 and {@code ELTM_HEALTH_URL} answers HTTP 200 (contract §3).
 * The meta-service's certificate comes from the install's self-signed keystore, so it is not
 * verified, like {@code curl -k}.
 */
public final class HealthProbe {

    /** One probe's verdict; {@code detail} says what was not healthy. */
    public record Verdict(boolean healthy, String detail) {
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final ServiceScripts scripts;
    private final URI healthUrl;
    private final Clock clock;
    private final SSLContext trustAll;

    public HealthProbe(ServiceScripts scripts, URI healthUrl, Clock clock) {
        this.scripts = scripts;
        this.healthUrl = healthUrl;
        this.clock = clock;
        this.trustAll = trustAllContext();
    }

    public Verdict probe() {
        int http = httpStatus();
        if (http != 200) {
            return new Verdict(false, healthUrl + " answered " + (http < 0 ? "nothing" : "HTTP " + http));
        }
        ScriptResult processes = scripts.showProcesses();
        if (!processes.ok()) {
            return new Verdict(false, "show-mprocess exited " + processes.exitCode() + ": " + processes.output());
        }
        return new Verdict(true, "show-mprocess ok, " + healthUrl.getPath() + " answered 200");
    }

    /** Probes until healthy or the timeout passes; returns the last verdict. */
    public Verdict awaitHealthy(Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Verdict v = probe();
            if (v.healthy() || !clock.instant().isBefore(deadline)) {
                return v;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return new Verdict(false, "interrupted while waiting for health: " + v.detail());
            }
        }
    }

    /** The HTTP status of the health URL, or -1 when nothing answered. */
    public int httpStatus() {
        try {
            HttpURLConnection c = (HttpURLConnection) healthUrl.toURL().openConnection();
            if (c instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(trustAll.getSocketFactory());
                https.setHostnameVerifier((host, session) -> true);
            }
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            try (InputStream body = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    private static SSLContext trustAllContext() {
        TrustManager acceptAny = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // the client side is never used
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // self-signed install keystore, as `curl -k` (contract §2)
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {acceptAny}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no TLS context", e);
        }
    }
}
