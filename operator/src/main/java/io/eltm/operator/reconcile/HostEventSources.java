package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.HostTarget;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an installation depends on besides itself: its operations, its host's {@code EltmHost} report and its host's
 * agent {@code Lease} — only Leases labelled {@value EltmOperation#HOST_LABEL}, never every Lease in the cluster. A
 * change to a host or its Lease reconciles the installations targeting that host, found through an index on the
 * primary cache ({@link #BY_HOST}), not a scan; an operation maps to its installation through
 * {@code spec.installation}.
 */
final class HostEventSources {

    static final String LEASE_PREFIX = EltmHost.AGENT_SERVICE_ACCOUNT_PREFIX;
    /** Index of installations by {@code hostNamespace/hostName}. */
    static final String BY_HOST = "eltm-by-host";
    /** Index of installations by {@code hostNamespace/hostName/installDir}. */
    static final String BY_INSTALL = "eltm-by-install";

    private HostEventSources() {
    }

    static List<EventSource<?, EltmInstallation>> of(EventSourceContext<EltmInstallation> ctx) {
        ctx.getPrimaryCache().addIndexer(BY_HOST, p -> hostName(p).isEmpty() ? List.of() : List.of(hostKey(p)));
        ctx.getPrimaryCache().addIndexer(BY_INSTALL, p -> hostName(p).isEmpty() ? List.of() : List.of(installKey(p)));
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
                .withLabelSelector(EltmHost.AGENT_LEASE_LABEL)
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
        return target == null || target.getHost() == null || target.getHost().getName() == null ? ""
                : target.getHost().getName();
    }

    /** The host's namespace: where its EltmHost, Lease and operations live (default: the installation's). */
    static String hostNamespace(EltmInstallation installation) {
        var target = installation.getSpec() == null ? null : installation.getSpec().getTarget();
        String ns = target == null || target.getHost() == null ? null : target.getHost().getNamespace();
        return ns == null || ns.isBlank() ? installation.getMetadata().getNamespace() : ns;
    }

    static String hostKey(EltmInstallation installation) {
        return hostNamespace(installation) + "/" + hostName(installation);
    }

    static String installKey(EltmInstallation installation) {
        String dir = Optional.ofNullable(installation.getSpec().getTarget().getHost().getInstallDir())
                .orElse(HostTarget.DEFAULT_INSTALL_DIR);
        return hostKey(installation) + "/" + dir;
    }

    /** The installations targeting the same host and install directory as {@code installation}, itself included. */
    static List<EltmInstallation> sharingInstallDir(IndexedResourceCache<EltmInstallation> cache,
                                                    EltmInstallation installation) {
        return cache.byIndex(BY_INSTALL, installKey(installation));
    }

    // The installations, in any namespace, whose target is this host in this namespace: one index lookup.
    private static Set<ResourceID> targeting(EventSourceContext<EltmInstallation> ctx, HasMetadata secondary,
                                             String host) {
        return ctx.getPrimaryCache().byIndex(BY_HOST, secondary.getMetadata().getNamespace() + "/" + host).stream()
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    // Operations may live in the host's namespace, away from their installation: spec.installation says whose.
    private static Set<ResourceID> installationOf(EltmOperation operation) {
        var ref = operation.getSpec() == null ? null : operation.getSpec().getInstallation();
        return ref == null || ref.getName() == null ? Set.of()
                : Set.of(new ResourceID(ref.getName(), ref.getNamespace()));
    }
}
