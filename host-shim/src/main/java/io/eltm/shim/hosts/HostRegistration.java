package io.eltm.shim.hosts;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmHostSpec;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;

/**
 * {@code host add NAME}: the host's identity in the cluster — ServiceAccount {@code eltm-agent-NAME},
 * its Role and RoleBinding, the {@code EltmHost} — and a token for its agent. Idempotent: running it
 * again re-applies the same objects and issues a fresh token (how a token is rotated).
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
        admin.resource(new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("eltm.io/host", host).endMetadata().build()).serverSideApply();
        admin.resource(new RoleBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("eltm.io/host", host).endMetadata().withRules(AgentPermissions.RULES).build())
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
        TokenRequest token = admin.serviceAccounts().inNamespace(namespace).withName(name).tokenRequest(
                new TokenRequestBuilder().withNewSpec().withExpirationSeconds(tokenLifetime.toSeconds()).endSpec().build());
        return new Registered(host, namespace, name, token.getStatus().getToken());
    }
}
