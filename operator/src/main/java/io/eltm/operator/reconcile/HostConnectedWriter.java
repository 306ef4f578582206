package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmHostStatus;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Writes {@code EltmHost.status.connected} (the CONNECTED column of {@code kubectl get eltmhost}) when the operator's
 * judgement of the host's liveness changes: a JSON patch of that one field, so the agent's own report is untouched.
 */
final class HostConnectedWriter {

    private static final Logger LOG = LoggerFactory.getLogger(HostConnectedWriter.class);

    private HostConnectedWriter() {
    }

    static void write(KubernetesClient client, Optional<EltmHost> host, boolean connected) {
        String value = connected ? "True" : "False";
        if (host.isEmpty() || host.get().getStatus() != null && value.equals(host.get().getStatus().getConnected())) {
            return;
        }
        EltmHost h = host.get();
        try {
            client.resources(EltmHost.class).inNamespace(h.getMetadata().getNamespace()).withName(h.getMetadata().getName())
                    .editStatus(latest -> {
                        if (latest.getStatus() == null) {
                            latest.setStatus(new EltmHostStatus());
                        }
                        latest.getStatus().setConnected(value);
                        return latest;
                    });
        } catch (KubernetesClientException e) {
            LOG.warn("host {}/{}: could not write status.connected={}; tried again next reconcile: {}",
                    h.getMetadata().getNamespace(), h.getMetadata().getName(), value, e.getMessage());
        }
    }
}
