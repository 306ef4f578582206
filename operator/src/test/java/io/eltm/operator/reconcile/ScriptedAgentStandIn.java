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
        EltmHost h = client.resources(EltmHost.class).inNamespace(namespace).withName(host).get();
        if (h == null) {
            h = new EltmHost();
            h.setMetadata(new ObjectMetaBuilder().withName(host).withNamespace(namespace).build());
            h = client.resource(h).create();
        }
        EltmHostStatus status = new EltmHostStatus();
        status.setAgentVersion("test-double");
        status.setLastHeartbeat(Instant.now().toString());
        HostInstall install = new HostInstall();
        install.setInstallDir("/data/iserver");
        install.setVersion(version);
        install.setGitSha("sha-" + version);
        install.setBuiltAt("2026-11-01T10:15:00Z");
        install.setHealthy(true);
        install.setOperationInProgress(false);
        install.setSchema(schema(schema));
        status.setInstalls(List.of(install));
        h.setStatus(status);
        client.resource(h).updateStatus();
    }

    /** Renews the agent's Lease as of {@code renewTime}. */
    void renewsLease(Instant renewTime) {
        Lease lease = new LeaseBuilder().withNewMetadata().withName("eltm-agent-" + host).withNamespace(namespace)
                .endMetadata().withNewSpec().withHolderIdentity(host).withLeaseDurationSeconds(40)
                .withRenewTime(ZonedDateTime.ofInstant(renewTime, ZoneOffset.UTC)).endSpec().build();
        client.resource(lease).serverSideApply();
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
        operation.setStatus(status);
        client.resource(operation).updateStatus();
    }

    private static SchemaReport schema(String current) {
        SchemaReport s = new SchemaReport();
        s.setCurrent(current);
        s.setPending(List.of());
        return s;
    }
}
