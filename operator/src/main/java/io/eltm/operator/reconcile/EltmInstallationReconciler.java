package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.Policy;
import io.eltm.operator.metrics.UpgradeMetrics;
import io.eltm.operator.plan.Decision;
import io.eltm.operator.plan.HostFacts;
import io.eltm.operator.plan.InstallationFacts;
import io.eltm.operator.plan.OperationFacts;
import io.eltm.operator.plan.Planner;
import io.eltm.operator.plan.Reasons;
import io.eltm.operator.status.ConditionTransition;
import io.eltm.operator.status.StatusAggregator;
import io.eltm.operator.status.StatusUpdate;
import io.eltm.operator.status.StatusView;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gather, decide, act: reads the installation, its host's report and lease and its current
 * operation; asks the pure {@link Planner} for the next step; carries it out; and lets the
 * {@link StatusAggregator} write status. An operation is recorded in {@code status.currentOperation}
 * before it is created, under a deterministic name derived from the installation's uid, so a restarted
 * operator follows it and never creates a second one. Deleting an installation waits (finalizer) for a
 * running operation to end, then removes its operations ({@link InstallationCleanup}).
 */
@ControllerConfiguration(name = "eltm-installation")
public final class EltmInstallationReconciler implements Reconciler<EltmInstallation>, Cleaner<EltmInstallation> {

    private static final Logger LOG = LoggerFactory.getLogger(EltmInstallationReconciler.class);

    /** How often an installation is looked at without an event: a host lease expires silently. */
    static final Duration RESYNC = Duration.ofSeconds(10);

    private final Planner planner = new Planner();
    private final StatusAggregator aggregator = new StatusAggregator();
    private final LeaseObservations leases = new LeaseObservations();
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
        // gather
        Instant now = clock.instant();
        InstallationFacts installation = FactsMapper.installation(cr);
        Optional<Lease> lease = context.getSecondaryResource(Lease.class);
        Optional<EltmHost> eltmHost = context.getSecondaryResource(EltmHost.class);
        HostFacts host = FactsMapper.host(installation, eltmHost, lease,
                lease.map(l -> leases.observe(l, now)).orElse(null), InstallDirClaims.olderThan(context, cr));
        List<EltmOperation> own = context.getSecondaryResources(EltmOperation.class).stream()
                .filter(op -> op.getSpec() != null && op.getSpec().getInstallation() != null
                        && installation.uid().equals(op.getSpec().getInstallation().getUid())).toList();
        OperationFacts operation = installation.recordedOperation() == null ? null : own.stream()
                .filter(op -> op.getMetadata().getName().equals(installation.recordedOperation()))
                .findFirst().map(FactsMapper::operation).orElse(null);

        // decide
        Decision decision = cr.getSpec().getTarget().getHost() == null
                ? new Decision.Refuse(Reasons.WORKLOAD_NOT_SUPPORTED, "spec.target.workload (pods) is not supported by this"
                        + " operator version yet; use spec.target.host")
                : planner.plan(installation, host, operation, now);

        // act
        StatusView previous = StatusMapper.view(cr.getStatus());
        StatusUpdate update = aggregator.aggregate(previous, installation, host, operation, decision, now);
        EltmInstallation written = write(context, cr, previous, update, decision instanceof Decision.StartOperation);
        List<ConditionTransition> transitions = new ArrayList<>(update.transitions());
        if (decision instanceof Decision.StartOperation start) {
            // the intent (status.currentOperation) is stored above, before the operation exists
            Decision failed = OperationCreator.create(context.getClient(), OperationFactory.operation(written, start),
                    installation, now);
            if (failed != null) {
                decision = failed;
                StatusView recorded = StatusMapper.view(written.getStatus());
                StatusUpdate again = aggregator.aggregate(recorded, installation, host, null, failed, now);
                written = write(context, written, recorded, again, false);
                transitions.addAll(again.transitions());
            }
        }
        new TransitionEvents(context.getClient()).record(written, transitions, now);
        metrics.record(decision);
        pruneHistory(context, cr, own, written);
        if (cr.getSpec().getTarget().getHost() != null) {
            HostConnectedWriter.write(context.getClient(), eltmHost, host.isConnectedAt(now));
        }
        LOG.debug("{} on host {}: {} ({})", installation.qualifiedName(), installation.target().hostName(),
                decision.reason(), decision.message());
        return UpdateControl.<EltmInstallation>noUpdate().rescheduleAfter(RESYNC);
    }

    @Override
    public DeleteControl cleanup(EltmInstallation cr, Context<EltmInstallation> context) {
        return InstallationCleanup.cleanup(context.getClient(), cr);
    }

    // The whole status is replaced (PUT on the status subresource, optimistic on resourceVersion):
    // fields the aggregator clears really go, and a stale view fails with 409 and is reconciled again.
    private static EltmInstallation write(Context<EltmInstallation> context, EltmInstallation cr, StatusView previous,
                                          StatusUpdate update, boolean always) {
        if (!always && update.status().equals(previous)) {
            return cr;
        }
        cr.setStatus(StatusMapper.status(update.status()));
        return context.getClient().resource(cr).updateStatus();
    }

    private static void pruneHistory(Context<EltmInstallation> context, EltmInstallation cr, List<EltmOperation> own,
                                     EltmInstallation written) {
        Set<String> keep = new HashSet<>();
        var status = written.getStatus();
        if (status != null && status.getCurrentOperation() != null) {
            keep.add(status.getCurrentOperation());
        }
        if (status != null && status.getLastUpgrade() != null && status.getLastUpgrade().getOperation() != null) {
            keep.add(status.getLastUpgrade().getOperation());
        }
        Policy policy = cr.getSpec().getPolicy();
        int limit = policy == null || policy.getOperationHistoryLimit() == null ? Policy.DEFAULT_OPERATION_HISTORY_LIMIT
                : policy.getOperationHistoryLimit();
        OperationHistory.prune(context.getClient(), cr.getMetadata().getNamespace() + "/" + cr.getMetadata().getName(),
                own, limit, keep);
    }
}
