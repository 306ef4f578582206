package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.shim.hosts.AgentPermissions;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;

/**
 * The Role and RoleBinding {@code eltm-shim host add HOST} is to create for the agent's ServiceAccount
 * {@code eltm-agent-HOST}: exactly what the agent needs, nothing more. The agent ITs run the agent
 * with only these rights (and under the confinement policy of {@code crds/agent-confinement.yaml}).
 */
final class AgentRoleFixture {

    /** What {@code host add} grants: the agent runs with exactly these rights. */
    static List<PolicyRule> rules(String host) {
        return AgentPermissions.rules(host);
    }

    private AgentRoleFixture() {
    }

    /** Creates Role and RoleBinding {@code eltm-agent-HOST}; returns the ServiceAccount's name. */
    static String grant(KubernetesClient admin, String namespace, String host) {
        String name = EltmHost.agentServiceAccount(host);
        admin.rbac().roles().inNamespace(namespace).resource(new RoleBuilder()
                .withNewMetadata().withName(name).endMetadata().withRules(rules(host)).build()).create();
        admin.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject()
                .build()).create();
        return name;
    }
}
