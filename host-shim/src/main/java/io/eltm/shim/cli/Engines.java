package io.eltm.shim.cli;

import io.eltm.shim.engine.CrashPoints;
import io.eltm.shim.engine.ShimPaths;
import io.eltm.shim.engine.UpgradeEngine;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.release.ExtractionLimits;

import java.time.Clock;
import java.util.Optional;

/** Builds the engine the commands share, with the process's real clock and crash-test hook. */
final class Engines {

    private Engines() {
    }

    /** Caps a release's uncompressed size below the default 8 GiB (contract §4), for small hosts and tests. */
    static final String MAX_RELEASE_BYTES = "ELTM_SHIM_MAX_RELEASE_BYTES";

    static UpgradeEngine of(InstallEnvironment env) {
        return new UpgradeEngine(env, Clock.systemUTC(),
                new CrashPoints(Optional.ofNullable(System.getenv(CrashPoints.VARIABLE)),
                        Optional.ofNullable(System.getenv(CrashPoints.TRACE_VARIABLE)), new ShimPaths(env.installDir())),
                limits());
    }

    static ExtractionLimits limits() {
        String max = System.getenv(MAX_RELEASE_BYTES);
        if (max == null || max.isBlank()) {
            return ExtractionLimits.DEFAULT;
        }
        try {
            return ExtractionLimits.DEFAULT.withMaxUncompressedBytes(Long.parseLong(max.strip()));
        } catch (NumberFormatException e) {
            throw new io.eltm.shim.RefusedException(MAX_RELEASE_BYTES + "=" + max + " is not a number of bytes", e);
        }
    }
}
