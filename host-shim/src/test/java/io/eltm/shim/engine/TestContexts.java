package io.eltm.shim.engine;

import io.eltm.shim.db.AuditDatabase;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ServiceScripts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real operation contexts over a temporary install dir, for tests of the runner and of file steps. */
public final class TestContexts {

    private TestContexts() {
    }

    public static OperationContext of(Path installDir, List<String> stepNames, OperationOptions options, Clock clock,
                                      StepListener listener) {
        return of(installDir, new OperationState("op-1", "upgrade", "etl-test", "release.tar.gz", null, options,
                clock.instant(), stepNames), clock, listener);
    }

    /** A context for {@code state}, for tests that need its source or --sha256. */
    public static OperationContext of(Path installDir, OperationState state, Clock clock, StepListener listener) {
        InstallEnvironment env = new InstallEnvironment(installDir, Optional.empty(), "127.0.0.1", 1, "nobody",
                "sqlmaestro", Optional.empty(), URI.create("https://127.0.0.1:1/health"), Map.of());
        ShimPaths paths = new ShimPaths(installDir);
        ServiceScripts scripts = new ServiceScripts(env, Duration.ofSeconds(5));
        return new OperationContext(env, paths, state, new SwapJournal(paths), scripts,
                new HealthProbe(scripts, env.healthUrl(), clock), new AuditDatabase(env), clock, listener,
                CrashPoints.none(paths));
    }
}
