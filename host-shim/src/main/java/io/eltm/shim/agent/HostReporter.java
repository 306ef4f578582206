package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmHostStatus;
import io.eltm.shim.status.InstallStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Reports the host's installs to its {@code EltmHost} status (contract §8): the agent's version, a
 * heartbeat, and for each install what runs there. While an operation holds the install, the last
 * status read is reported with {@code operationInProgress: true} rather than touching the install. Each report
 * says when it was read ({@code observedAt}) and which operation the journal last finished ({@code lastOperationUid}),
 * so the operator can tell a report older than an operation's end from one made after it.
 */
final class HostReporter {

    private static final Logger LOG = LoggerFactory.getLogger(HostReporter.class);

    private final KubernetesClient client;
    private final AgentSettings settings;
    private final AgentInstall install;
    private final String agentVersion;
    private final PeriodicFailureLog failures;
    private InstallStatus lastRead;
    private java.time.Instant lastReadAt;

    HostReporter(KubernetesClient client, AgentSettings settings, AgentInstall install, String agentVersion) {
        this.client = client;
        this.settings = settings;
        this.install = install;
        this.agentVersion = agentVersion;
        this.failures = new PeriodicFailureLog(LOG, "host " + settings.host() + ": reporting to EltmHost "
                + settings.host());
    }

    /** Reads the install and writes the host's status; an unreachable API server is retried next period. */
    synchronized void report() {
        EltmHostStatus status = new EltmHostStatus();
        status.setAgentVersion(agentVersion);
        status.setLastHeartbeat(Rfc3339.of(install.clock().instant()));
        status.setInstalls(installs());
        EltmHost host = new EltmHost();
        host.setMetadata(new ObjectMetaBuilder().withName(settings.host()).withNamespace(settings.namespace()).build());
        host.setStatus(status);
        try {
            client.resource(host).patchStatus();
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.failed(e);
        }
    }

    private List<io.eltm.api.v1alpha1.HostInstall> installs() {
        if (install.guard().tryLock()) {
            try {
                java.time.Instant readAt = install.clock().instant();
                lastRead = install.status();
                lastReadAt = readAt;
            } catch (RuntimeException e) {
                LOG.warn("host {}, install {}: cannot read the install's status: {}", settings.host(),
                        install.installDir(), e.toString());
            } finally {
                install.guard().unlock();
            }
            return lastRead == null ? List.of() : List.of(InstallReports.hostInstall(lastRead, false, lastReadAt));
        }
        // the report says when it was read, so the operator does not mistake it for the install after the operation
        return lastRead == null ? List.of() : List.of(InstallReports.hostInstall(lastRead, true, lastReadAt));
    }
}
