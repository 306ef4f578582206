package io.eltm.operator.bench;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmHostStatus;
import io.eltm.api.v1alpha1.HostInstall;
import io.eltm.api.v1alpha1.SchemaReport;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A TEST DOUBLE standing in for many hosts' agents in the fleet benchmark: it writes each simulated
 * host's EltmHost report and Lease the way an agent would, without any install behind them.
 */
final class SimulatedHostsForBenchmark {

    private final KubernetesClient client;
    private final String namespace;

    SimulatedHostsForBenchmark(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    void report(String host, String version) {
        EltmHost h = new EltmHost();
        h.setMetadata(new ObjectMetaBuilder().withName(host).withNamespace(namespace).build());
        h = client.resource(h).create();
        HostInstall install = new HostInstall();
        install.setInstallDir("/data/iserver");
        install.setVersion(version);
        install.setGitSha("sha-" + version);
        install.setBuiltAt("2026-11-01T10:15:00Z");
        install.setHealthy(true);
        install.setOperationInProgress(false);
        SchemaReport schema = new SchemaReport();
        schema.setCurrent("4");
        schema.setPending(List.of());
        install.setSchema(schema);
        EltmHostStatus status = new EltmHostStatus();
        status.setAgentVersion("simulated");
        status.setLastHeartbeat(Instant.now().toString());
        status.setInstalls(List.of(install));
        h.setStatus(status);
        client.resource(h).updateStatus();
        client.resource(new LeaseBuilder().withNewMetadata().withName("eltm-agent-" + host).withNamespace(namespace)
                .endMetadata().withNewSpec().withHolderIdentity(host).withLeaseDurationSeconds(3600)
                .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()).create();
    }
}
