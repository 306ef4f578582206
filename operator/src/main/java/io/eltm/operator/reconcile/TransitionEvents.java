package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.operator.status.ConditionTransition;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A Kubernetes Event per condition transition, so {@code kubectl describe eltm} tells the story.
 * Events are best effort: a failure to record one is logged, never fails the reconcile.
 */
final class TransitionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionEvents.class);

    private final KubernetesClient client;

    TransitionEvents(KubernetesClient client) {
        this.client = client;
    }

    void record(EltmInstallation installation, List<ConditionTransition> transitions, Instant now) {
        for (ConditionTransition t : transitions) {
            boolean bad = ("Degraded".equals(t.type()) && "True".equals(t.to()))
                    || (!"Degraded".equals(t.type()) && "False".equals(t.to()));
            var event = new EventBuilder()
                    .withNewMetadata()
                    .withName(installation.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
                    .withNamespace(installation.getMetadata().getNamespace())
                    .endMetadata()
                    .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(installation.getApiVersion())
                            .withKind(installation.getKind()).withName(installation.getMetadata().getName())
                            .withNamespace(installation.getMetadata().getNamespace())
                            .withUid(installation.getMetadata().getUid()).build())
                    .withType(bad ? "Warning" : "Normal")
                    .withReason(t.reason())
                    .withMessage(t.type() + " " + t.from() + " → " + t.to() + ": " + t.message())
                    .withFirstTimestamp(now.toString()).withLastTimestamp(now.toString()).withCount(1)
                    .withNewSource().withComponent("eltm-operator").endSource()
                    .build();
            try {
                client.v1().events().inNamespace(installation.getMetadata().getNamespace()).resource(event).create();
            } catch (KubernetesClientException e) {
                LOG.warn("could not record event {} for {}/{}: {}", t.reason(), installation.getMetadata().getNamespace(),
                        installation.getMetadata().getName(), e.getMessage());
            }
        }
    }
}
