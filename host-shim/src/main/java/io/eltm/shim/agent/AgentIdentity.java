package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.shim.RefusedException;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who this agent is, taken from its credential rather than its command line: the API server's
 * {@code SelfSubjectReview} names the ServiceAccount {@code system:serviceaccount:NS:eltm-agent-HOST}, which gives
 * the host and its namespace. {@code --host} and {@code --namespace} may only confirm them.
 *
 * @param host           the host (the ServiceAccount's name after {@code eltm-agent-})
 * @param namespace      the ServiceAccount's namespace: where the host's objects live
 * @param serviceAccount the ServiceAccount's name
 */
public record AgentIdentity(String host, String namespace, String serviceAccount) {

    private static final String SA_PREFIX = "system:serviceaccount:";

    /** Asks the API server who the credential is, and checks the flags against it. */
    public static AgentIdentity of(KubernetesClient client, String hostFlag, String namespaceFlag) {
        SelfSubjectReview review = client.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview());
        String user = review.getStatus() == null || review.getStatus().getUserInfo() == null ? null
                : review.getStatus().getUserInfo().getUsername();
        return fromUsername(user, hostFlag, namespaceFlag);
    }

    /** Pure: the identity in {@code username}, or a refusal naming what does not fit. */
    static AgentIdentity fromUsername(String username, String hostFlag, String namespaceFlag) {
        String[] parts = username == null ? new String[0] : username.split(":");
        if (username == null || !username.startsWith(SA_PREFIX) || parts.length != 4
                || !parts[3].startsWith(EltmHost.AGENT_SERVICE_ACCOUNT_PREFIX)
                || parts[3].length() == EltmHost.AGENT_SERVICE_ACCOUNT_PREFIX.length()) {
            throw new RefusedException("the kubeconfig's credential is '" + username + "', not a host agent's"
                    + " ServiceAccount (system:serviceaccount:NAMESPACE:eltm-agent-HOST): use the kubeconfig written"
                    + " by `eltm-shim host add HOST`");
        }
        AgentIdentity identity = new AgentIdentity(
                parts[3].substring(EltmHost.AGENT_SERVICE_ACCOUNT_PREFIX.length()), parts[2], parts[3]);
        if (hostFlag != null && !hostFlag.isBlank() && !hostFlag.equals(identity.host())) {
            throw new RefusedException("--host " + hostFlag + " does not match the kubeconfig's credential, which is"
                    + " host " + identity.host() + "'s agent (" + username + "): drop --host, or use host " + hostFlag
                    + "'s kubeconfig");
        }
        if (namespaceFlag != null && !namespaceFlag.isBlank() && !namespaceFlag.equals(identity.namespace())) {
            throw new RefusedException("--namespace " + namespaceFlag + " does not match the kubeconfig's"
                    + " credential, whose host lives in namespace " + identity.namespace() + " (" + username
                    + "): drop --namespace");
        }
        return identity;
    }

    /**
     * How this agent names itself as the Lease's holder: this machine and the install it looks after. An agent
     * restarted here for the same install is the same holder; any other is not.
     */
    public static String holder(String installDir) {
        return machineName() + ":" + installDir;
    }

    /** From the kernel, never from DNS (which may hang or lie). */
    private static String machineName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
