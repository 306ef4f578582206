package io.eltm.shim.agent;

import io.eltm.shim.engine.UpgradeEngine;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.status.InstallStatus;
import io.eltm.shim.status.StatusReader;

import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one install an agent looks after, with the engine the command line uses. {@link #guard()} is
 * held while an operation runs, so the periodic status report never takes the install's lock at the
 * moment the engine needs it (the engine refuses instead of waiting).
 */
public record AgentInstall(InstallEnvironment env, UpgradeEngine engine, ExtractionLimits limits, Clock clock,
                           ReentrantLock guard) {

    public AgentInstall(InstallEnvironment env, UpgradeEngine engine, ExtractionLimits limits, Clock clock) {
        this(env, engine, limits, clock, new ReentrantLock());
    }

    public String installDir() {
        return env.installDir().toString();
    }

    InstallStatus status() {
        return new StatusReader(env, clock).read();
    }
}
