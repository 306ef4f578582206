package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an installation depends on besides itself: its operations (labelled with it), its host's
 * {@code EltmHost} report and its host's agent {@code Lease}. A change to any of them reconciles
 * the installations that target that host.
 */
final class HostEventSources {

    static final String LEASE_PREFIX = EltmHost.AGENT_SERVICE_ACCOUNT_PREFIX;

    private HostEventSources() {
    }

    static List<EventSource<?, EltmInstallation>> of(EventSourceContext<EltmInstallation> ctx) {
        var operations = InformerEventSourceConfiguration.from(EltmOperation.class, EltmInstallation.class)
                .withName("operations")
                .withSecondaryToPrimaryMapper(HostEventSources::installationOf)
                .build();
        var hosts = InformerEventSourceConfiguration.from(EltmHost.class, EltmInstallation.class)
                .withName("hosts")
                .withSecondaryToPrimaryMapper((EltmHost h) -> targeting(ctx, h, h.getMetadata().getName()))
                .withPrimaryToSecondaryMapper((EltmInstallation p) -> Set.of(new ResourceID(hostName(p), hostNamespace(p))))
                .build();
        var leases = InformerEventSourceConfiguration.from(Lease.class, EltmInstallation.class)
                .withName("agent-leases")
                .withSecondaryToPrimaryMapper((Lease l) -> l.getMetadata().getName().startsWith(LEASE_PREFIX)
                        ? targeting(ctx, l, l.getMetadata().getName().substring(LEASE_PREFIX.length())) : Set.of())
                .withPrimaryToSecondaryMapper((EltmInstallation p) -> Set.of(
                        new ResourceID(LEASE_PREFIX + hostName(p), hostNamespace(p))))
                .build();
        return List.of(new InformerEventSource<>(operations, ctx), new InformerEventSource<>(hosts, ctx),
                new InformerEventSource<>(leases, ctx));
    }

    static String hostName(EltmInstallation installation) {
        var target = installation.getSpec() == null ? null : installation.getSpec().getTarget();
        return target == null || target.getHost() == null ? "" : target.getHost().getName();
    }

    /** The host's namespace: where its EltmHost, Lease and operations live (default: the installation's). */
    static String hostNamespace(EltmInstallation installation) {
        var target = installation.getSpec() == null ? null : installation.getSpec().getTarget();
        String ns = target == null || target.getHost() == null ? null : target.getHost().getNamespace();
        return ns == null || ns.isBlank() ? installation.getMetadata().getNamespace() : ns;
    }

    // The installations, in any namespace, whose target is this host in this namespace.
    private static Set<ResourceID> targeting(EventSourceContext<EltmInstallation> ctx, HasMetadata secondary,
                                             String host) {
        String namespace = secondary.getMetadata().getNamespace();
        return ctx.getPrimaryCache().list().filter(p -> host.equals(hostName(p)) && namespace.equals(hostNamespace(p)))
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    // Operations may live in the host's namespace, away from their installation: labels say whose they are.
    private static Set<ResourceID> installationOf(EltmOperation operation) {
        var labels = operation.getMetadata().getLabels();
        String name = labels == null ? null : labels.get(OperationFactory.INSTALLATION_LABEL);
        if (name == null) {
            return Set.of();
        }
        String ns = labels.getOrDefault(OperationFactory.INSTALLATION_NAMESPACE_LABEL,
                operation.getMetadata().getNamespace());
        return Set.of(new ResourceID(name, ns));
    }
}
