package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmHostStatus;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.HostInstall;
import io.eltm.api.v1alpha1.InstallReport;
import io.eltm.api.v1alpha1.OperationError;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.SchemaReport;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A TEST DOUBLE of a host's agent for controller-level tests: it writes, on the test's command, what a
 * real agent would write (its EltmHost report, its Lease, its operations' status). The end-to-end
 * tests run the real agent process instead.
 */
final class ScriptedAgentStandIn {

    private final KubernetesClient client;
    private final String namespace;
    private final String host;

    ScriptedAgentStandIn(KubernetesClient client, String namespace, String host) {
        this.client = client;
        this.namespace = namespace;
        this.host = host;
    }

    /** Registers the host (as `host add` would) and reports one install running {@code version}. */
    void reports(String version, String schema) {
        reports(version, schema, "/data/iserver");
    }

    /** Registers the host and reports installs in {@code dirs}, each running {@code version}. */
    void reports(String version, String schema, String... dirs) {
        EltmHost h = client.resources(EltmHost.class).inNamespace(namespace).withName(host).get();
        if (h == null) {
            h = new EltmHost();
            h.setMetadata(new ObjectMetaBuilder().withName(host).withNamespace(namespace).build());
            h = client.resource(h).create();
        }
        EltmHostStatus status = new EltmHostStatus();
        status.setAgentVersion("test-double");
        status.setLastHeartbeat(Instant.now().toString());
        List<HostInstall> installs = new java.util.ArrayList<>();
        for (String dir : dirs) {
            HostInstall install = new HostInstall();
            install.setInstallDir(dir);
            install.setVersion(version);
            install.setGitSha("sha-" + version);
            install.setBuiltAt("2026-11-01T10:15:00Z");
            install.setHealthy(true);
            install.setOperationInProgress(false);
            install.setSchema(schema(schema));
            install.setObservedAt(Instant.now().toString());
            installs.add(install);
        }
        status.setInstalls(installs);
        EltmHost patch = new EltmHost();
        patch.setMetadata(new ObjectMetaBuilder().withName(host).withNamespace(namespace).build());
        patch.setStatus(status);
        client.resource(patch).patchStatus();
    }

    /** Renews the agent's Lease as of {@code renewTime} (the host's clock), for 40 s. */
    void renewsLease(Instant renewTime) {
        renewsLease(renewTime, 40);
    }

    /** Renews the agent's Lease as of {@code renewTime} (the host's clock) for {@code seconds}, labelled as agents do. */
    void renewsLease(Instant renewTime, int seconds) {
        Lease lease = new LeaseBuilder().withNewMetadata().withName("eltm-agent-" + host).withNamespace(namespace)
                .addToLabels(EltmHost.AGENT_LEASE_LABEL, host)
                .endMetadata().withNewSpec().withHolderIdentity(host).withLeaseDurationSeconds(seconds)
                .withRenewTime(ZonedDateTime.ofInstant(renewTime, ZoneOffset.UTC)).endSpec().build();
        client.resource(lease).forceConflicts().serverSideApply();
    }

    /** Marks {@code operation} Running, as the agent does when it starts it. */
    void starts(EltmOperation operation) {
        EltmOperationStatus status = new EltmOperationStatus();
        status.setPhase(OperationPhase.Running);
        status.setStartedAt(Instant.now().toString());
        patchStatus(operation, status);
    }

    /** Lets hosts in {@code namespaces} target this host (as an admin edits the EltmHost's spec). */
    void allows(String... namespaces) {
        client.resources(EltmHost.class).inNamespace(namespace).withName(host).edit(h -> {
            if (h.getSpec() == null) {
                h.setSpec(new io.eltm.api.v1alpha1.EltmHostSpec());
            }
            h.getSpec().setAllowedNamespaces(List.of(namespaces));
            return h;
        });
    }

    /** Ends {@code operation} as the engine would report it. */
    void finishes(EltmOperation operation, OperationPhase phase, String version, String schema, String error) {
        EltmOperationStatus status = new EltmOperationStatus();
        status.setPhase(phase);
        status.setStartedAt(Instant.now().minusSeconds(5).toString());
        status.setFinishedAt(Instant.now().toString());
        status.setDowntimeMillis(phase == OperationPhase.Succeeded ? 1234L : null);
        InstallReport result = new InstallReport();
        result.setInstallDir("/data/iserver");
        result.setVersion(version);
        result.setGitSha("sha-" + version);
        result.setBuiltAt("2026-11-01T10:15:00Z");
        result.setHealthy(true);
        result.setSchema(schema(schema));
        status.setResult(result);
        if (error != null) {
            OperationError e = new OperationError();
            e.setCode(4);
            e.setMessage(error);
            status.setError(e);
        }
        patchStatus(operation, status);
    }

    // As the agent writes: a merge patch of the status alone, no resourceVersion (no optimistic lock).
    private void patchStatus(EltmOperation operation, EltmOperationStatus status) {
        EltmOperation patch = new EltmOperation();
        patch.setMetadata(new ObjectMetaBuilder().withName(operation.getMetadata().getName())
                .withNamespace(operation.getMetadata().getNamespace()).build());
        patch.setStatus(status);
        client.resource(patch).patchStatus();
    }

    private static SchemaReport schema(String current) {
        SchemaReport s = new SchemaReport();
        s.setCurrent(current);
        s.setPending(List.of());
        return s;
    }
}
