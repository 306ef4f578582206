package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.shim.RefusedException;
import io.eltm.shim.engine.CheckReport;
import io.eltm.shim.engine.OperationRequest;
import io.eltm.shim.engine.ReleaseCheck;
import io.eltm.shim.engine.StepListener;
import io.eltm.shim.engine.StepRecord;
import io.eltm.shim.status.InstallStatus;
import io.eltm.shim.status.LastOperation;
import io.eltm.shim.status.ReleaseInfo;
import io.eltm.shim.status.ReleaseInfos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One operation that has not run here yet: the release passes {@link ReleaseGate} first (nothing on the install
 * changes before that), the uid is recorded in {@link StartedOperations}, then the engine runs it. An operation
 * deleted meanwhile (its status write found it gone) is not started.
 */
final class OperationRun {

    private static final Logger LOG = LoggerFactory.getLogger(OperationRun.class);
    private static final java.time.Duration RUNNING_WRITE_GRACE = java.time.Duration.ofSeconds(5);

    private final String host;
    private final AgentInstall install;
    private final ReleaseGate gate;
    private final StartedOperations started;

    OperationRun(String host, AgentInstall install, ReleaseGate gate, StartedOperations started) {
        this.host = host;
        this.install = install;
        this.gate = gate;
        this.started = started;
    }

    void run(EltmOperation op, String name, OperationStatusWriter writer) {
        OperationType type = op.getSpec().getType();
        String target = op.getSpec().getTargetVersion();
        String from = ReleaseInfos.read(install.env().installDir()).map(ReleaseInfo::version).orElse("?");
        LOG.info("host {}, install {}: starting operation {} ({} {} → {})", host, install.installDir(), name,
                type.name().toLowerCase(Locale.ROOT), from, target == null ? "?" : target);
        writer.running(install.clock().instant());
        ReleaseGate.VerifiedRelease release = null;
        try {
            if (type != OperationType.ROLLBACK) {
                release = gate.verify(op);
            }
            if (type == OperationType.CHECK) {
                finish(writer, name, check(op, release), List.of());
                return;
            }
            // give the Running write a moment to reach the API server, so that a deletion is noticed before the
            // engine starts (while the API server is away this only delays the start)
            writer.awaitWritten(RUNNING_WRITE_GRACE);
            if (writer.gone()) {
                LOG.info("host {}, install {}: operation {} was deleted before it started; not running it", host,
                        install.installDir(), name);
                return;
            }
            started.record(op.getMetadata().getUid(), install.clock().instant());
            OperationRequest request = release == null ? OperationRequests.of(op)
                    : OperationRequest.upgrade(op.getMetadata().getUid(), release.file().toString(),
                    Optional.of(release.sha256()), OperationRequests.options(op.getSpec()));
            StepListener steps = new StepLog(host, install.installDir()).and(writer);
            LastOperation result = install.engine().run(request, steps);
            finish(writer, name, OperationOutcome.of(result, status()), result.steps());
        } catch (RefusedException e) {
            finish(writer, name, OperationOutcome.refused(e.getMessage(), install.clock().instant(), status()),
                    List.of());
        } catch (IOException e) {
            finish(writer, name, OperationOutcome.refused("cannot fetch the release of " + name + ": " + e
                    + "; nothing was changed", install.clock().instant(), status()), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(writer, name, OperationOutcome.refused("interrupted while fetching the release of " + name
                    + "; nothing was changed", install.clock().instant(), status()), List.of());
        } catch (RuntimeException e) {
            finish(writer, name, OperationOutcome.failed("while running " + name + " on host " + host + ": " + e,
                    install.clock().instant(), status()), List.of());
        } finally {
            if (release != null) {
                deleteQuietly(release);
            }
        }
    }

    /** {@code type: check}: the pre-flight only, on the tarball the gate verified. Changes nothing. */
    private OperationOutcome check(EltmOperation op, ReleaseGate.VerifiedRelease release)
            throws IOException, InterruptedException {
        io.eltm.shim.engine.OperationOptions options = OperationRequests.options(op.getSpec());
        CheckReport plan = new ReleaseCheck(install.env(), install.limits()).check(release.file().toString(),
                Optional.of(release.sha256()), options.allowDowngrade(), options.baseline(), (done, total) -> { });
        return new OperationOutcome(OperationPhase.Succeeded.name(), install.clock().instant(), null,
                "the upgrade would proceed: " + plan.from().version() + " → " + plan.to().version(), status());
    }

    void finish(OperationStatusWriter writer, String name, OperationOutcome outcome, List<StepRecord> steps) {
        InstallStatus after = outcome.install();
        LOG.info("host {}, install {}: operation {} ended {} (now on {}){}", host, install.installDir(), name,
                outcome.result(), after == null ? "?" : after.version(),
                outcome.message() == null || outcome.message().isEmpty() ? "" : ": " + outcome.message());
        writer.finished(outcome, steps);
    }

    InstallStatus status() {
        try {
            return install.status();
        } catch (RuntimeException e) {
            LOG.warn("host {}, install {}: cannot read the install's status: {}", host, install.installDir(),
                    e.toString());
            return null;
        }
    }

    private void deleteQuietly(ReleaseGate.VerifiedRelease release) {
        try {
            Files.deleteIfExists(release.file());
        } catch (IOException e) {
            LOG.warn("host {}, install {}: cannot remove the downloaded release {}: {}", host, install.installDir(),
                    release.file(), e.toString());
        }
    }
}
