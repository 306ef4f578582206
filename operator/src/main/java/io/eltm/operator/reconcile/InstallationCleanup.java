package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.OperationPhase;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * What deleting an installation does (behind the operator's finalizer): an operation running on the host runs to its
 * end (the agent never interrupts the engine) and is then deleted with the installation's other operations, in
 * whatever namespace they live (found by the {@value EltmOperation#INSTALLATION_UID_LABEL} label: an owner reference
 * cannot cross namespaces). The host's files and database are never touched.
 */
final class InstallationCleanup {

    static final Duration WAIT_FOR_RUNNING = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(InstallationCleanup.class);

    private InstallationCleanup() {
    }

    static DeleteControl cleanup(KubernetesClient client, EltmInstallation installation) {
        String subject = installation.getMetadata().getNamespace() + "/" + installation.getMetadata().getName();
        List<EltmOperation> own = client.resources(EltmOperation.class)
                .inNamespace(HostEventSources.hostNamespace(installation))
                .withLabel(EltmOperation.INSTALLATION_UID_LABEL, installation.getMetadata().getUid()).list().getItems();
        List<String> running = own.stream().filter(op -> op.getStatus() != null
                && op.getStatus().getPhase() == OperationPhase.Running).map(op -> op.getMetadata().getName()).toList();
        if (!running.isEmpty()) {
            LOG.info("{}: deleted while operation {} runs on host {}; removing it when it ends", subject, running,
                    HostEventSources.hostName(installation));
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(WAIT_FOR_RUNNING.toMillis());
        }
        // Pending ones have not started on the host: the agent skips an operation that is gone.
        own.forEach(op -> client.resource(op).delete());
        LOG.info("{}: deleted; removed its {} operation(s) in namespace {}", subject, own.size(),
                HostEventSources.hostNamespace(installation));
        return DeleteControl.defaultDelete();
    }
}
