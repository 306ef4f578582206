package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmInstallationSpec;
import io.eltm.api.v1alpha1.EltmInstallationStatus;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.HostInstall;
import io.eltm.api.v1alpha1.InstallReport;
import io.eltm.api.v1alpha1.OperationStep;
import io.eltm.api.v1alpha1.Policy;
import io.eltm.operator.plan.HostFacts;
import io.eltm.operator.plan.InstallationFacts;
import io.eltm.operator.plan.OperationFacts;
import io.eltm.operator.plan.OperationPhase;
import io.eltm.operator.plan.OperationType;
import io.eltm.operator.plan.ReportedInstall;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the custom resources (and the host's Lease) into the planner's facts. */
final class FactsMapper {

    static final String DEFAULT_INSTALL_DIR = "/data/iserver";

    private FactsMapper() {
    }

    static InstallationFacts installation(EltmInstallation cr) {
        EltmInstallationSpec spec = cr.getSpec();
        Optional<EltmInstallationStatus> status = Optional.ofNullable(cr.getStatus());
        Policy p = spec.getPolicy() == null ? new Policy() : spec.getPolicy();
        var host = spec.getTarget().getHost();
        String installDir = Optional.ofNullable(host == null ? spec.getTarget().getWorkload().getInstallDir()
                : host.getInstallDir()).orElse(DEFAULT_INSTALL_DIR);
        return new InstallationFacts(cr.getMetadata().getName(), cr.getMetadata().getNamespace(),
                Optional.ofNullable(cr.getMetadata().getGeneration()).orElse(0L), spec.getVersion(),
                new InstallationFacts.Release(spec.getRelease().getUrl(), spec.getRelease().getSha256()),
                new InstallationFacts.Target(host == null ? "" : host.getName(), installDir),
                new InstallationFacts.Policy(Boolean.TRUE.equals(p.getPaused()), Boolean.TRUE.equals(p.getAllowDowngrade()),
                        !Boolean.FALSE.equals(p.getAutoRollback()),
                        Duration.ofSeconds(Optional.ofNullable(p.getHealthTimeout()).orElse(180))),
                status.map(EltmInstallationStatus::getLastHandledGeneration).orElse(0L),
                status.map(EltmInstallationStatus::getCurrentOperation).orElse(null),
                status.map(s -> s.getLastUpgrade() == null ? null : s.getLastUpgrade().getOperation()).orElse(null));
    }

    static HostFacts host(String hostName, String installDir, Optional<EltmHost> host, Optional<Lease> lease) {
        Instant renew = lease.map(l -> l.getSpec().getRenewTime()).map(t -> t.toInstant()).orElse(null);
        Duration duration = lease.map(l -> l.getSpec().getLeaseDurationSeconds()).map(Duration::ofSeconds).orElse(null);
        ReportedInstall reported = host.map(EltmHost::getStatus).map(s -> s.getInstalls()).orElse(List.of()).stream()
                .filter(i -> installDir.equals(i.getInstallDir())).findFirst().map(FactsMapper::reported).orElse(null);
        return new HostFacts(hostName, renew, duration, reported);
    }

    static OperationFacts operation(EltmOperation op) {
        var status = op.getStatus();
        OperationPhase phase = status == null || status.getPhase() == null ? OperationPhase.PENDING
                : OperationPhase.fromWireName(status.getPhase().name());
        String step = status == null ? null : status.getSteps().stream()
                .filter(s -> s.getState() != null && s.getState().name().equals("RUNNING"))
                .map(OperationStep::getName).reduce((a, b) -> b).orElse(null);
        return new OperationFacts(op.getMetadata().getName(), op.getSpec().getTargetVersion(),
                OperationType.valueOf(op.getSpec().getType().name()), phase, step,
                status == null || status.getError() == null ? null : status.getError().getMessage(),
                status == null ? null : status.getDowntimeMillis(),
                status == null ? null : instant(status.getStartedAt()),
                status == null ? null : instant(status.getFinishedAt()),
                status == null || status.getResult() == null ? null : reported(status.getResult()));
    }

    private static ReportedInstall reported(InstallReport r) {
        boolean busy = r instanceof HostInstall h && Boolean.TRUE.equals(h.getOperationInProgress());
        return new ReportedInstall(r.getVersion(), instant(r.getBuiltAt()), r.getGitSha(),
                r.getSchema() == null ? null : r.getSchema().getCurrent(),
                r.getSchema() == null ? List.of() : r.getSchema().getPending(), Boolean.TRUE.equals(r.getHealthy()), busy);
    }

    static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
