package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.shim.RefusedException;
import io.eltm.shim.engine.CheckReport;
import io.eltm.shim.engine.ReleaseCheck;
import io.eltm.shim.engine.StepListener;
import io.eltm.shim.status.InstallStatus;
import io.eltm.shim.status.LastOperation;
import io.eltm.shim.status.ReleaseInfo;
import io.eltm.shim.status.ReleaseInfos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one {@code EltmOperation} through the engine and writes its progress and result to the
 * operation's status. Never runs an operation twice: the engine's journal knows the uid of the last
 * operation, and an operation it already finished (or that recovery just reverted) is only reported.
 */
final class OperationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(OperationExecutor.class);
    private static final Duration STOPPING_GRACE = Duration.ofSeconds(15);

    private final String host;
    private final AgentInstall install;
    private final Function<EltmOperation, StatusPatch> patches;
    private volatile boolean stopping;

    OperationExecutor(String host, AgentInstall install, Function<EltmOperation, StatusPatch> patches) {
        this.host = host;
        this.install = install;
        this.patches = patches;
    }

    /** Runs (or reports) the operation; returns once its final status is written or the agent stops. */
    void execute(EltmOperation op) throws InterruptedException {
        String name = OperationRequests.name(op);
        String uid = op.getMetadata().getUid();
        try (OperationStatusWriter writer = new OperationStatusWriter(name, patches.apply(op), install.clock())) {
            install.guard().lockInterruptibly();
            try {
                install.engine().recover(new StepLog(host, install.installDir())).ifPresent(recovered ->
                        LOG.info("host {}, install {}: recovered operation {} ({})", host, install.installDir(),
                                recovered.id(), recovered.result()));
                Optional<LastOperation> already = install.engine().lastOperation().filter(l -> uid.equals(l.id()));
                if (already.isPresent()) {
                    LOG.info("host {}, install {}: operation {} already ran here ({} {} → {}: {}); reporting it, not "
                                    + "running it again", host, install.installDir(), name, already.get().type(),
                            already.get().from(), already.get().to(), already.get().result());
                    // the run's own start, as the engine recorded it (the killed agent may not have written it)
                    writer.running(already.get().startedAt());
                    finish(writer, name, OperationOutcome.of(already.get(), status()), already.get().steps());
                } else {
                    run(op, name, writer);
                }
            } finally {
                install.guard().unlock();
            }
            awaitFinalStatus(writer, name);
        }
    }

    /** The agent is stopping: stop waiting for an unreachable API server (the journal keeps the result). */
    void stop() {
        stopping = true;
    }

    private void awaitFinalStatus(OperationStatusWriter writer, String name) throws InterruptedException {
        while (!writer.awaitWritten(STOPPING_GRACE)) {
            if (stopping) {
                LOG.warn("host {}: stopping before the final status of operation {} reached the API server; the "
                        + "next agent start reports it from the install's journal", host, name);
                return;
            }
            LOG.warn("host {}: operation {} ended; still waiting for the API server to take its final status", host,
                    name);
        }
    }

    private void run(EltmOperation op, String name, OperationStatusWriter writer) {
        String target = op.getSpec().getTargetVersion();
        String from = ReleaseInfos.read(install.env().installDir()).map(ReleaseInfo::version).orElse("?");
        LOG.info("host {}, install {}: starting operation {} ({} {} → {})", host, install.installDir(), name,
                op.getSpec().getType().name().toLowerCase(java.util.Locale.ROOT), from, target == null ? "?" : target);
        writer.running(install.clock().instant());
        StepListener steps = new StepLog(host, install.installDir()).and(writer);
        try {
            if (op.getSpec().getType() == OperationType.CHECK) {
                finish(writer, name, check(op), List.of());
                return;
            }
            LastOperation result = install.engine().run(OperationRequests.of(op), steps);
            finish(writer, name, OperationOutcome.of(result, status()), result.steps());
        } catch (RefusedException e) {
            finish(writer, name, OperationOutcome.refused(e.getMessage(), install.clock().instant(), status()),
                    List.of());
        } catch (RuntimeException e) {
            finish(writer, name, OperationOutcome.failed("while running " + name + " on host " + host + ": " + e,
                    install.clock().instant(), status()), List.of());
        }
    }

    /** {@code type: check}: the pre-flight only. Changes nothing, so whatever stops it is a refusal. */
    private OperationOutcome check(EltmOperation op) {
        io.eltm.shim.engine.OperationOptions options = OperationRequests.options(op.getSpec());
        try {
            CheckReport plan = new ReleaseCheck(install.env(), install.limits()).check(OperationRequests.url(op),
                    OperationRequests.sha256(op.getSpec()), options.allowDowngrade(), options.baseline(),
                    (done, total) -> { });
            return new OperationOutcome("Succeeded", install.clock().instant(), null, "the upgrade would proceed: "
                    + plan.from().version() + " → " + plan.to().version(), status());
        } catch (java.io.IOException e) {
            return OperationOutcome.refused("cannot check " + OperationRequests.url(op) + ": " + e.getMessage()
                    + "; nothing was changed", install.clock().instant(), status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OperationOutcome.refused("interrupted while checking " + OperationRequests.url(op)
                    + "; nothing was changed", install.clock().instant(), status());
        }
    }

    private void finish(OperationStatusWriter writer, String name, OperationOutcome outcome,
                        List<io.eltm.shim.engine.StepRecord> steps) {
        InstallStatus after = outcome.install();
        LOG.info("host {}, install {}: operation {} ended {} (now on {}){}", host, install.installDir(), name,
                outcome.result(), after == null ? "?" : after.version(),
                outcome.message() == null || outcome.message().isEmpty() ? "" : ": " + outcome.message());
        writer.finished(outcome, steps);
    }

    private InstallStatus status() {
        try {
            return install.status();
        } catch (RuntimeException e) {
            LOG.warn("host {}, install {}: cannot read the install's status: {}", host, install.installDir(),
                    e.toString());
            return null;
        }
    }
}
