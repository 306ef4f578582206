package io.eltm.shim.engine;

import io.eltm.shim.db.AuditDatabase;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ServiceScripts;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the steps of one operation share: the install, its services and DB, the persisted
 * {@link OperationState} and the journal that saves it. Built anew by crash recovery from the journal.
 */
public record OperationContext(
        InstallEnvironment env,
        ShimPaths paths,
        OperationState state,
        SwapJournal journal,
        ServiceScripts scripts,
        HealthProbe health,
        AuditDatabase db,
        Clock clock,
        StepListener listener,
        CrashPoints crashPoints) {

    public Path installDir() {
        return env.installDir();
    }

    public Path stagingDir() {
        return Path.of(state.stagingDir());
    }

    public Path backupDir() {
        return Path.of(state.backupDir());
    }

    /** Durable renames and syncs, passing this operation's crash points. */
    public DurableFiles files() {
        return new DurableFiles(crashPoints);
    }

    /** Persists the state now: call after recording anything recovery must know. */
    public void save() {
        journal.save(state);
    }

    /** "upgrade 8.4.1 → 8.4.2 on etl-01:/data/iserver": the prefix of every message about this operation. */
    public String label() {
        return state.label() + " on " + (state.host() == null ? "" : state.host() + ":") + env.installDir();
    }
}
