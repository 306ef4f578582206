package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmOperation;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Keeps an installation's ended operations to its {@code spec.policy.operationHistoryLimit}, newest first; an
 * operation in flight, and the ones named in status, are never deleted.
 */
final class OperationHistory {

    private static final Logger LOG = LoggerFactory.getLogger(OperationHistory.class);

    private OperationHistory() {
    }

    /** The ended operations beyond {@code limit}, oldest last: the ones to delete. */
    static List<EltmOperation> beyondLimit(List<EltmOperation> own, int limit, Set<String> keep) {
        return own.stream()
                .filter(op -> op.getStatus() != null && op.getStatus().getPhase() != null
                        && !op.getStatus().getPhase().isActive())
                .sorted(Comparator.comparing((EltmOperation op) -> op.getMetadata().getCreationTimestamp())
                        .thenComparing(op -> op.getMetadata().getName()).reversed())
                .skip(limit)
                .filter(op -> !keep.contains(op.getMetadata().getName()))
                .toList();
    }

    static void prune(KubernetesClient client, String installation, List<EltmOperation> own, int limit,
                      Set<String> keep) {
        for (EltmOperation op : beyondLimit(own, limit, keep)) {
            try {
                client.resource(op).delete();
                LOG.info("{}: deleted ended operation {}/{} (history limit {})", installation,
                        op.getMetadata().getNamespace(), op.getMetadata().getName(), limit);
            } catch (KubernetesClientException e) {
                LOG.warn("{}: could not delete ended operation {}/{} (history limit {}); tried again next reconcile: {}",
                        installation, op.getMetadata().getNamespace(), op.getMetadata().getName(), limit,
                        e.getMessage());
            }
        }
    }
}
