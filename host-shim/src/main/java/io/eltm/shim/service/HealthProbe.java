package io.eltm.shim.service;

import io.eltm.shim.status.ReleaseInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Healthy = {@code show-mprocess} exits 0, {@code ELTM_HEALTH_URL} answers HTTP 200 (contract §3), and
 * the page names the expected release's VERSION and GIT_SHA: the old process still answering is not
 * the new release being healthy. Waiting for health means healthy for {@link #STABLE_FOR} without a
 * break; no single probe runs past the deadline. The meta-service's certificate comes from the
 * install's self-signed keystore, so it is not verified, like {@code curl -k}.
 */
public final class HealthProbe {

    /**
     * One verdict; {@code detail} says what was not healthy.
     *
     * @param since the first healthy probe of the unbroken healthy run; null when not healthy
     */
    public record Verdict(boolean healthy, String detail, Instant since) {
    }

    /** How long the release must stay healthy before it counts as healthy. */
    public static final Duration STABLE_FOR = Duration.ofSeconds(2);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration PROBE_BUDGET = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MIN_PROBE_TIME = Duration.ofMillis(250);

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

    /** One probe of whatever release answers (for {@code status}). */
    public Verdict probe() {
        return probe(Optional.empty(), PROBE_BUDGET);
    }

    /** One probe that ends within {@code budget}; healthy only when {@code expected} (if given) answers. */
    public Verdict probe(Optional<ReleaseInfo> expected, Duration budget) {
        Instant start = clock.instant();
        Instant deadline = start.plus(budget);
        HealthResponse r = fetch(budget);
        if (r.status() != 200) {
            return unhealthy(healthUrl + " answered " + (r.status() < 0 ? "nothing (" + r.body() + ")" : "HTTP " + r.status()));
        }
        Optional<String> wrong = expected.flatMap(release -> mismatch(release, r.body()));
        if (wrong.isPresent()) {
            return unhealthy(healthUrl + " answered 200 but " + wrong.get());
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return unhealthy("no time left for show-mprocess after " + healthUrl + " answered");
        }
        ScriptResult processes = scripts.showProcesses(left);
        if (!processes.ok()) {
            return unhealthy("show-mprocess exited " + processes.exitCode() + ": " + processes.output());
        }
        return new Verdict(true, "show-mprocess ok, " + healthUrl.getPath() + " answered 200"
                + expected.map(e -> " serving " + e.version()).orElse(""), start);
    }

    /**
     * Probes until {@code expected} has been healthy for {@link #STABLE_FOR} or {@code timeout} passes;
     * returns the last verdict. No probe outlives the timeout.
     */
    public Verdict awaitHealthy(Duration timeout, ReleaseInfo expected) {
        Instant deadline = clock.instant().plus(timeout);
        Verdict last = unhealthy("not probed within " + timeout.toSeconds() + " s");
        Instant healthySince = null;
        boolean probed = false;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            // a probe cut short by the deadline would only hide what the previous one found
            if (left.compareTo(probed ? MIN_PROBE_TIME : Duration.ZERO) <= 0) {
                return healthySince == null ? last : unhealthy("healthy since " + healthySince + " but not yet for "
                        + STABLE_FOR.toSeconds() + " s when the timeout passed: " + last.detail());
            }
            Verdict v = probe(Optional.of(expected), left);
            probed = true;
            if (v.healthy()) {
                healthySince = healthySince == null ? v.since() : healthySince;
                if (!Duration.between(healthySince, clock.instant()).minus(STABLE_FOR).isNegative()) {
                    return new Verdict(true, v.detail() + ", stable for " + STABLE_FOR.toSeconds() + " s", healthySince);
                }
            } else {
                healthySince = null;
            }
            last = v;
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return unhealthy("interrupted while waiting for health: " + last.detail());
            }
        }
    }

    private static Verdict unhealthy(String detail) {
        return new Verdict(false, detail, null);
    }

    private static Optional<String> mismatch(ReleaseInfo expected, String body) {
        if (!Pattern.compile("(?<![0-9.])" + Pattern.quote(expected.version()) + "(?![0-9])").matcher(body).find()) {
            return Optional.of("does not serve VERSION " + expected.version() + " (an older process still answering?)");
        }
        if (expected.gitSha() != null && !body.contains(expected.gitSha())) {
            return Optional.of("does not serve GIT_SHA " + expected.gitSha() + " of " + expected.version());
        }
        return Optional.empty();
    }

    /** A GET of the health URL that ends within {@code budget}: its status and body, whatever they are. */
    public HealthResponse fetch(Duration budget) {
        HttpURLConnection[] connection = new HttpURLConnection[1];
        CompletableFuture<HealthResponse> call = CompletableFuture.supplyAsync(() -> {
            try {
                HttpURLConnection c = (HttpURLConnection) healthUrl.toURL().openConnection();
                connection[0] = c;
                if (c instanceof HttpsURLConnection https) {
                    https.setSSLSocketFactory(trustAll.getSocketFactory());
                    https.setHostnameVerifier((host, session) -> true);
                }
                int millis = (int) Math.max(1, Math.min(budget.toMillis(), Integer.MAX_VALUE));
                c.setConnectTimeout(Math.min(millis, (int) CONNECT_TIMEOUT.toMillis()));
                c.setReadTimeout(millis);
                int code = c.getResponseCode();
                try (InputStream body = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                    return new HealthResponse(code, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                return new HealthResponse(-1, e.toString());
            }
        }, PROBES);
        try {
            return call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            if (connection[0] != null) {
                connection[0].disconnect();
            }
            return new HealthResponse(-1, "no answer within " + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new HealthResponse(-1, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthResponse(-1, "interrupted");
        }
    }

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-probe");
        t.setDaemon(true);
        return t;
    });

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
