package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmInstallationSpec;
import io.eltm.api.v1alpha1.EltmInstallationStatus;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.HostInstall;
import io.eltm.api.v1alpha1.HostTarget;
import io.eltm.api.v1alpha1.InstallReport;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationStep;
import io.eltm.api.v1alpha1.Policy;
import io.eltm.api.v1alpha1.StepState;
import io.eltm.operator.plan.HostFacts;
import io.eltm.operator.plan.InstallationFacts;
import io.eltm.operator.plan.OperationFacts;
import io.eltm.operator.plan.ReportedInstall;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the custom resources (and the host's Lease) into the planner's facts. */
final class FactsMapper {

    private FactsMapper() {
    }

    static InstallationFacts installation(EltmInstallation cr) {
        EltmInstallationSpec spec = cr.getSpec();
        Optional<EltmInstallationStatus> status = Optional.ofNullable(cr.getStatus());
        Policy p = spec.getPolicy() == null ? new Policy() : spec.getPolicy();
        var host = spec.getTarget().getHost();
        String installDir = Optional.ofNullable(host == null ? spec.getTarget().getWorkload().getInstallDir()
                : host.getInstallDir()).orElse(HostTarget.DEFAULT_INSTALL_DIR);
        return new InstallationFacts(cr.getMetadata().getName(), cr.getMetadata().getNamespace(),
                cr.getMetadata().getUid(), Optional.ofNullable(cr.getMetadata().getGeneration()).orElse(0L),
                spec.getVersion(),
                new InstallationFacts.Release(spec.getRelease().getUrl(), spec.getRelease().getSha256()),
                new InstallationFacts.Target(host == null ? "" : host.getName(), HostEventSources.hostNamespace(cr),
                        installDir),
                new InstallationFacts.Policy(Boolean.TRUE.equals(p.getPaused()), Boolean.TRUE.equals(p.getAllowDowngrade()),
                        !Boolean.FALSE.equals(p.getAutoRollback()),
                        Duration.ofSeconds(p.effectiveHealthTimeoutSeconds())),
                status.map(EltmInstallationStatus::getLastHandledGeneration).orElse(0L),
                status.map(EltmInstallationStatus::getCurrentOperation).orElse(null),
                status.map(EltmInstallationStatus::getLastUpgrade).map(u -> new InstallationFacts.EndedOperation(
                        u.getOperation(), u.getOperationUid(), instant(u.getFinishedAt()))).orElse(null),
                status.map(StatusMapper::retry).orElse(null));
    }

    /**
     * @param lastObservedRenewal when the operator saw the lease's current renewal ({@link LeaseObservations})
     * @param claimedBy the older installation targeting the same host and install directory, or null
     */
    static HostFacts host(InstallationFacts installation, Optional<EltmHost> host, Optional<Lease> lease,
                          Instant lastObservedRenewal, String claimedBy) {
        Instant renew = lease.map(l -> l.getSpec().getRenewTime()).map(t -> t.toInstant()).orElse(null);
        Duration duration = lease.map(l -> l.getSpec().getLeaseDurationSeconds()).map(Duration::ofSeconds).orElse(null);
        String installDir = installation.target().installDir();
        ReportedInstall reported = host.map(EltmHost::getStatus).map(s -> s.getInstalls()).orElse(List.of()).stream()
                .filter(i -> installDir.equals(i.getInstallDir())).findFirst().map(FactsMapper::reported).orElse(null);
        Set<String> allowed = host.map(EltmHost::getSpec).map(s -> s.getAllowedNamespaces()).map(Set::copyOf)
                .orElse(Set.of());
        return new HostFacts(installation.target().hostName(), installation.target().hostNamespace(), host.isPresent(),
                allowed, renew, lease.isPresent() ? lastObservedRenewal : null, duration, reported, claimedBy);
    }

    static OperationFacts operation(EltmOperation op) {
        var status = op.getStatus();
        OperationPhase phase = status == null || status.getPhase() == null ? OperationPhase.Pending : status.getPhase();
        String step = status == null ? null : status.getSteps().stream()
                .filter(s -> s.getState() == StepState.RUNNING)
                .map(OperationStep::getName).reduce((a, b) -> b).orElse(null);
        var error = status == null ? null : status.getError();
        return new OperationFacts(op.getMetadata().getName(), op.getMetadata().getUid(), op.getSpec().getTargetVersion(),
                op.getSpec().getType(), phase, step, error == null ? null : error.getMessage(),
                error != null && Boolean.TRUE.equals(error.getRetryable()),
                status == null ? null : status.getDowntimeMillis(),
                status == null ? null : instant(status.getStartedAt()),
                status == null ? null : instant(status.getFinishedAt()),
                status == null || status.getResult() == null ? null : reported(status.getResult()));
    }

    private static ReportedInstall reported(InstallReport r) {
        HostInstall h = r instanceof HostInstall hostInstall ? hostInstall : null;
        return new ReportedInstall(r.getVersion(), instant(r.getBuiltAt()), r.getGitSha(),
                r.getSchema() == null ? null : r.getSchema().getCurrent(),
                r.getSchema() == null ? List.of() : r.getSchema().getPending(), Boolean.TRUE.equals(r.getHealthy()),
                h != null && Boolean.TRUE.equals(h.getOperationInProgress()),
                h == null ? null : instant(h.getObservedAt()), h == null ? null : h.getLastOperationUid());
    }

    static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
