package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.operator.metrics.UpgradeMetrics;
import io.eltm.operator.plan.Decision;
import io.eltm.operator.plan.HostFacts;
import io.eltm.operator.plan.InstallationFacts;
import io.eltm.operator.plan.OperationFacts;
import io.eltm.operator.plan.Planner;
import io.eltm.operator.plan.Reasons;
import io.eltm.operator.status.StatusAggregator;
import io.eltm.operator.status.StatusUpdate;
import io.eltm.operator.status.StatusView;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gather, decide, act: reads the installation, its host's report and lease and its current
 * operation; asks the pure {@link Planner} for the next step; carries it out; and lets the
 * {@link StatusAggregator} write status. An operation is recorded in {@code status.currentOperation}
 * before it is created, under a deterministic name, so a restarted operator follows it and never
 * creates a second one.
 */
@ControllerConfiguration(name = "eltm-installation")
public final class EltmInstallationReconciler implements Reconciler<EltmInstallation> {

    private static final Logger LOG = LoggerFactory.getLogger(EltmInstallationReconciler.class);

    /** How often an installation is looked at without an event: a host lease expires silently. */
    static final Duration RESYNC = Duration.ofSeconds(10);

    private final Planner planner = new Planner();
    private final StatusAggregator aggregator = new StatusAggregator();
    private final Clock clock;
    private final UpgradeMetrics metrics;

    public EltmInstallationReconciler(Clock clock, UpgradeMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public List<EventSource<?, EltmInstallation>> prepareEventSources(EventSourceContext<EltmInstallation> context) {
        return HostEventSources.of(context);
    }

    @Override
    public UpdateControl<EltmInstallation> reconcile(EltmInstallation cr, Context<EltmInstallation> context) {
        Instant now = clock.instant();
        InstallationFacts installation = FactsMapper.installation(cr);
        HostFacts host = FactsMapper.host(installation.target().hostName(), installation.target().installDir(),
                context.getSecondaryResource(EltmHost.class), context.getSecondaryResource(Lease.class));
        OperationFacts operation = installation.recordedOperation() == null ? null
                : context.getSecondaryResources(EltmOperation.class).stream()
                .filter(op -> op.getMetadata().getName().equals(installation.recordedOperation()))
                .findFirst().map(FactsMapper::operation).orElse(null);

        Decision decision = cr.getSpec().getTarget().getHost() == null
                ? new Decision.Refuse(Reasons.WORKLOAD_NOT_SUPPORTED, "spec.target.workload (pods) is not supported by this"
                        + " operator version yet; use spec.target.host")
                : planner.plan(installation, host, operation, now);
        StatusView previous = StatusMapper.view(cr.getStatus());
        StatusUpdate update = aggregator.aggregate(previous, installation, host, operation, decision, now);
        EltmInstallation written = cr;
        if (!update.status().equals(previous) || decision instanceof Decision.StartOperation) {
            cr.setStatus(StatusMapper.status(update.status()));
            // The whole status is replaced (PUT on the status subresource, optimistic on resourceVersion):
            // fields the aggregator clears really go, and a stale view fails with 409 and is reconciled again.
            written = context.getClient().resource(cr).updateStatus();
        }
        if (decision instanceof Decision.StartOperation start) {
            // the intent (status.currentOperation) is stored above, before the operation exists
            create(context, OperationFactory.operation(written, start), installation);
        }
        new TransitionEvents(context.getClient()).record(written, update.transitions(), now);
        metrics.record(decision);
        LOG.debug("{} on host {}: {} ({})", installation.qualifiedName(), installation.target().hostName(),
                decision.reason(), decision.message());
        return UpdateControl.<EltmInstallation>noUpdate().rescheduleAfter(RESYNC);
    }

    /** Creates the operation; one that already exists under that name is the same intent (idempotent). */
    private static void create(Context<EltmInstallation> context, EltmOperation operation,
                               InstallationFacts installation) {
        try {
            context.getClient().resource(operation).create();
            LOG.info("{}: created {} {} to {} on host {}", installation.qualifiedName(), operation.getSpec().getType(),
                    operation.getMetadata().getName(), operation.getSpec().getTargetVersion(),
                    installation.target().hostName());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }
}
