package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.InstallationRef;
import io.eltm.operator.plan.CreateFailures;
import io.eltm.operator.plan.Decision;
import io.eltm.operator.plan.InstallationFacts;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Creates the operation a {@link Decision.StartOperation} asks for. One that already exists under that name is the
 * same intent only when its {@code spec.installation.uid} is this installation's; otherwise, and when the API server
 * refuses the create, the answer is the failure decision to fold into status ({@link CreateFailures}).
 */
final class OperationCreator {

    private static final Logger LOG = LoggerFactory.getLogger(OperationCreator.class);

    private OperationCreator() {
    }

    /** @return null when the operation exists now (created, or already there for this installation); else the failure */
    static Decision create(KubernetesClient client, EltmOperation operation, InstallationFacts installation,
                           Instant now) {
        String name = operation.getMetadata().getName();
        String namespace = operation.getMetadata().getNamespace();
        try {
            client.resource(operation).create();
            LOG.info("{}: created {} {}/{} to {} on host {}", installation.qualifiedName(), operation.getSpec().getType()
                    .wireName(), namespace, name, operation.getSpec().getTargetVersion(), installation.target().hostName());
            return null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                EltmOperation existing = client.resources(EltmOperation.class).inNamespace(namespace).withName(name).get();
                InstallationRef owner = existing == null || existing.getSpec() == null ? null
                        : existing.getSpec().getInstallation();
                if (owner != null && installation.uid().equals(owner.getUid())) {
                    return null;
                }
                if (existing != null) {
                    LOG.warn("{}: operation {}/{} exists and belongs to {}; not adopted", installation.qualifiedName(),
                            namespace, name, owner);
                    return CreateFailures.of(installation, name, 409, apiMessage(e),
                            owner == null ? "an object without spec.installation" : owner.toString(), now);
                }
            }
            LOG.warn("{}: creating operation {}/{} on host {} failed (HTTP {}): {}", installation.qualifiedName(),
                    namespace, name, installation.target().hostName(), e.getCode(), apiMessage(e));
            return CreateFailures.of(installation, name, e.getCode(), apiMessage(e), null, now);
        }
    }

    private static String apiMessage(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }
}
