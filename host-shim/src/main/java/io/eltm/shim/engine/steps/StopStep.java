package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ScriptResult;
import io.eltm.shim.service.ServiceProcesses;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code mstop-all}: downtime starts here. Then the services must really be gone: the processes seen
 * before the stop, the postmaster and whoever listens on the DB and health ports. One still alive
 * fails the step, so the upgrade is rolled back before any file changes. Undo starts whichever
 * release is in place and waits for it to be healthy.
 */
public final class StopStep implements Step {

    public static final String NAME = "stop";

    /** How long the services may take to vanish after mstop-all returned. */
    static final Duration GONE_TIMEOUT = Duration.ofSeconds(15);

    static final Duration PREVIOUS_RELEASE_MIN_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) {
        ServiceProcesses processes = new ServiceProcesses(ctx.env());
        ServiceProcesses.Seen before = processes.now();
        ctx.state().stopStartedAt(ctx.clock().instant());
        ctx.save();
        ScriptResult r = ctx.scripts().stopAll();
        if (!r.ok()) {
            throw new IllegalStateException("mstop-all exited " + r.exitCode() + ": " + r.output());
        }
        ServiceProcesses.Seen left = awaitGone(ctx, processes, before);
        if (!left.none()) {
            throw new IllegalStateException("mstop-all exited 0 but services of " + ctx.installDir()
                    + " still run " + GONE_TIMEOUT.toSeconds() + " s later: pids " + left.pids()
                    + ", listening ports " + left.listeningPorts() + "; nothing was changed. Find out why mstop-all "
                    + "leaves them (show-mprocess, data/log), stop them, then retry");
        }
        return StepOutcome.done("services stopped (" + before.pids().size() + " processes gone, ports "
                + processes.ports() + " free)");
    }

    /** --health-timeout is the new release's; the release that ran before gets as long, and at least a minute. */
    static Duration previousReleaseTimeout(OperationContext ctx) {
        Duration asked = ctx.state().options().healthTimeout();
        return asked.compareTo(PREVIOUS_RELEASE_MIN_TIMEOUT) < 0 ? PREVIOUS_RELEASE_MIN_TIMEOUT : asked;
    }

    private static ServiceProcesses.Seen awaitGone(OperationContext ctx, ServiceProcesses processes,
                                                   ServiceProcesses.Seen before) {
        Instant deadline = ctx.clock().instant().plus(GONE_TIMEOUT);
        while (true) {
            ServiceProcesses.Seen left = processes.remaining(before);
            if (left.none() || !ctx.clock().instant().isBefore(deadline)) {
                return left;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    @Override
    public void undo(OperationContext ctx) {
        ScriptResult r = ctx.scripts().startAll();
        HealthProbe.Verdict v = ctx.health().awaitHealthy(previousReleaseTimeout(ctx), ctx.state().from());
        if (!v.healthy()) {
            throw new IllegalStateException("the previous release did not become healthy after mstart-all (exit "
                    + r.exitCode() + "): " + v.detail() + "; check data/log and run show-mprocess");
        }
    }
}
