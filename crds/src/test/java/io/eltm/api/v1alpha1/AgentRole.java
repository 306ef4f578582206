package io.eltm.api.v1alpha1;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Test fixture: the Role and RoleBinding {@code eltm-shim host add HOST} creates for the agent's ServiceAccount
 * {@code eltm-agent-HOST} (docs/resources.md, "Agent identity"). Deliberately without {@code resourceNames}:
 * it is the admission policy, not RBAC, that must keep an agent to its own objects.
 */
final class AgentRole {

  static final List<PolicyRule> RULES = List.of(
      rule("eltm.io", "eltmoperations", "get", "list", "watch"),
      rule("eltm.io", "eltmoperations/status", "update", "patch"),
      rule("eltm.io", "eltmhosts", "get", "update", "patch"),
      rule("eltm.io", "eltmhosts/status", "get", "update", "patch"),
      rule("coordination.k8s.io", "leases", "get", "create", "update"));

  private AgentRole() {
  }

  /** Creates Role and RoleBinding {@code eltm-agent-HOST} in {@code namespace}; returns the ServiceAccount name. */
  static String grant(KubernetesClient admin, String namespace, String host) {
    String name = EltmHost.agentServiceAccount(host);
    admin.rbac().roles().inNamespace(namespace).resource(new RoleBuilder()
        .withNewMetadata().withName(name).endMetadata().withRules(RULES).build()).create();
    admin.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject()
        .build()).create();
    return name;
  }

  private static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
  }
}
