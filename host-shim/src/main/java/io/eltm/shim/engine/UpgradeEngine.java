package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;
import io.eltm.shim.db.AuditDatabase;
import io.eltm.shim.engine.OperationState.Result;
import io.eltm.shim.engine.steps.UpgradeSteps;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ServiceScripts;
import io.eltm.shim.status.LastOperation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The library entry point for one install: runs upgrades and rollbacks step by step under the
 * install lock, and finishes or reverts whatever a killed process left in the journal first. The
 * command line and the host agent are thin callers of this class.
 */
public final class UpgradeEngine {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

    private final InstallEnvironment env;
    private final ShimPaths paths;
    private final Clock clock;
    private final CrashPoints crashPoints;
    private final ExtractionLimits limits;
    private final SwapJournal journal;

    public UpgradeEngine(InstallEnvironment env, Clock clock, CrashPoints crashPoints, ExtractionLimits limits) {
        this.env = env;
        this.paths = new ShimPaths(env.installDir());
        this.clock = clock;
        this.crashPoints = crashPoints;
        this.limits = limits;
        this.journal = new SwapJournal(paths, crashPoints);
    }

    public ShimPaths paths() {
        return paths;
    }

    public SwapJournal journal() {
        return journal;
    }

    /**
     * Runs an upgrade or rollback to its end and returns its outcome. Idempotent by request id: an
     * operation that already ended (or that a crash interrupted and recovery just ended) is reported,
     * never run twice.
     */
    public LastOperation run(OperationRequest request, StepListener listener) {
        try (InstallLock lock = InstallLock.acquireOrRefuse(paths)) {
            Optional<LastOperation> already = alreadyRan(request.id(), listener);
            if (already.isPresent()) {
                return already.get();
            }
            recoverLocked(listener).ifPresent(previous -> {
                if (previous.result() == Result.Failed && !(previous.held() && request.type().equals("rollback"))) {
                    throw new RefusedException("the previous operation (" + previous.label() + ") is not resolved: "
                            + previous.message());
                }
            });
            Optional<OperationState> held = journal.unfinished();
            if (held.isPresent()) {
                // only a held (--no-rollback) operation gets here, and only for `rollback`
                return LastOperations.of(finishHeld(held.get(), listener));
            }
            List<Step> steps = UpgradeSteps.all(limits);
            OperationState state = new OperationState(request.id(), request.type(), HostName.current(), request.source(),
                    request.sha256().orElse(null), request.options(), clock.instant(), OperationRunner.names(steps));
            OperationContext ctx = context(state, listener);
            ctx.save();
            new OperationRunner(steps).run(ctx);
            if (!state.held() && state.result() != Result.Failed) {
                journal.close(LastOperations.of(state));
            }
            return LastOperations.of(state);
        }
    }

    private Optional<LastOperation> alreadyRan(String id, StepListener listener) {
        Optional<OperationState> unfinished = journal.unfinished();
        if (unfinished.isPresent() && unfinished.get().id().equals(id) && !unfinished.get().held()) {
            return recoverLocked(listener).map(LastOperations::of);
        }
        return journal.lastOperation().filter(last -> id.equals(last.id()));
    }

    /**
     * Finishes or reverts an operation left by a killed process, if any (every command calls this
     * first). Returns the recovered operation; does nothing while another process holds the lock.
     */
    public Optional<LastOperation> recover(StepListener listener) {
        Optional<InstallLock> lock = InstallLock.tryAcquire(paths);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try (InstallLock held = lock.get()) {
            return recoverLocked(listener).map(LastOperations::of);
        }
    }

    private Optional<OperationState> recoverLocked(StepListener listener) {
        Optional<OperationState> unfinished = journal.unfinished();
        if (unfinished.isEmpty() || unfinished.get().held()) {
            return unfinished;
        }
        OperationState state = unfinished.get();
        OperationContext ctx = context(state, listener);
        new Recovery(new OperationRunner(UpgradeSteps.all(limits))).recover(ctx);
        if (state.result() != Result.Failed) {
            journal.close(LastOperations.of(state));
        }
        return Optional.of(state);
    }

    private OperationState finishHeld(OperationState state, StepListener listener) {
        OperationContext ctx = context(state, listener);
        Optional<String> failure = new OperationRunner(UpgradeSteps.all(limits)).rollBack(ctx);
        state.held(false);
        if (failure.isEmpty()) {
            state.finish(Result.RolledBack, state.message() + "; rolled back by `eltm-shim rollback`", clock.instant());
            journal.close(LastOperations.of(state));
        } else {
            state.finish(Result.Failed, state.message() + "; rollback stopped: " + failure.get()
                    + ". Fix the cause, then run any eltm-shim command to resume the rollback", clock.instant());
            ctx.save();
        }
        return state;
    }

    /** The last finished operation, if any. */
    public Optional<LastOperation> lastOperation() {
        return journal.lastOperation();
    }

    private OperationContext context(OperationState state, StepListener listener) {
        ServiceScripts scripts = new ServiceScripts(env, SCRIPT_TIMEOUT);
        return new OperationContext(env, paths, state, journal, scripts,
                new HealthProbe(scripts, env.healthUrl(), clock), AuditDatabase.forOperation(env, state.id()), clock,
                listener, crashPoints);
    }
}
