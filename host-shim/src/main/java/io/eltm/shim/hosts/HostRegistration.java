package io.eltm.shim.hosts;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmHostSpec;
import io.eltm.shim.RefusedException;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code host add NAME}: the host's identity in the cluster — ServiceAccount {@code eltm-agent-NAME}, its Role and
 * RoleBinding, the {@code EltmHost} — and a first token for its agent, which the agent then replaces with
 * short-lived ones it requests itself. Idempotent: running it again re-applies the same objects and issues another
 * token, leaving earlier ones valid. {@code host rotate NAME} re-creates the ServiceAccount instead: every token
 * ever issued for it, the agent's own included, stops working at once (the API server checks each token's
 * ServiceAccount uid).
 */
public final class HostRegistration {

    /** The name, the namespace and the agent's token; the token is a secret, never printed. */
    public record Registered(String host, String namespace, String serviceAccount, String token) {
        @Override
        public String toString() {
            return "Registered[host=" + host + ", namespace=" + namespace + ", serviceAccount=" + serviceAccount + "]";
        }
    }

    private final KubernetesClient admin;

    public HostRegistration(KubernetesClient admin) {
        this.admin = admin;
    }

    public Registered add(String host, String namespace, Duration tokenLifetime) {
        String name = EltmHost.agentServiceAccount(host);
        if (admin.namespaces().withName(namespace).get() == null) {
            // one namespace per host is what confines an agent's reads (docs/resources.md)
            admin.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        }
        admin.resource(serviceAccount(host, namespace)).serverSideApply();
        admin.resource(new RoleBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("eltm.io/host", host).endMetadata().withRules(AgentPermissions.rules(host)).build())
                .serverSideApply();
        admin.resource(new RoleBindingBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("eltm.io/host", host).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject()
                .build()).serverSideApply();
        EltmHost eltmHost = new EltmHost();
        eltmHost.setMetadata(new ObjectMetaBuilder().withName(host).withNamespace(namespace).build());
        eltmHost.setSpec(new EltmHostSpec());
        admin.resource(eltmHost).serverSideApply();
        return token(host, namespace, tokenLifetime);
    }

    /**
     * Invalidates every token of host {@code host}'s agent by deleting and re-creating its ServiceAccount (same
     * name, new uid; the RoleBinding names it, so its rights are unchanged), then issues a new first token.
     */
    public Registered rotate(String host, String namespace, Duration tokenLifetime) {
        String name = EltmHost.agentServiceAccount(host);
        ServiceAccount old = admin.serviceAccounts().inNamespace(namespace).withName(name).get();
        if (old == null || admin.resources(EltmHost.class).inNamespace(namespace).withName(host).get() == null) {
            throw new RefusedException("host " + host + " is not registered in namespace " + namespace
                    + " (no ServiceAccount " + name + " or EltmHost " + host + "): register it with"
                    + " `eltm-shim host add " + host + " --namespace " + namespace + "`");
        }
        admin.serviceAccounts().inNamespace(namespace).withName(name).delete();
        admin.serviceAccounts().inNamespace(namespace).withName(name).waitUntilCondition(
                sa -> sa == null || !Objects.equals(sa.getMetadata().getUid(), old.getMetadata().getUid()),
                1, TimeUnit.MINUTES);
        admin.resource(serviceAccount(host, namespace)).create();
        return token(host, namespace, tokenLifetime);
    }

    private static ServiceAccount serviceAccount(String host, String namespace) {
        return new ServiceAccountBuilder().withNewMetadata().withName(EltmHost.agentServiceAccount(host))
                .withNamespace(namespace).addToLabels("eltm.io/host", host).endMetadata().build();
    }

    private Registered token(String host, String namespace, Duration lifetime) {
        String name = EltmHost.agentServiceAccount(host);
        TokenRequest token = admin.serviceAccounts().inNamespace(namespace).withName(name).tokenRequest(
                new TokenRequestBuilder().withNewSpec().withExpirationSeconds(lifetime.toSeconds()).endSpec().build());
        return new Registered(host, namespace, name, token.getStatus().getToken());
    }
}
