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

    static UpgradeEngine of(InstallEnvironment env) {
        return new UpgradeEngine(env, Clock.systemUTC(),
                new CrashPoints(Optional.ofNullable(System.getenv(CrashPoints.VARIABLE)), new ShimPaths(env.installDir())),
                ExtractionLimits.DEFAULT);
    }
}
