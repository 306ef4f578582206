package io.eltm.shim.hosts;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;

import java.util.List;

/**
 * Exactly what a host's agent may do through RBAC (contract §8): read operations and report their
 * status, report its EltmHost, renew its Lease. Which objects of those kinds are its own is then
 * enforced by the ValidatingAdmissionPolicy in {@code crds/agent-confinement.yaml}.
 */
public final class AgentPermissions {

    public static final List<PolicyRule> RULES = List.of(
            rule("eltm.io", "eltmoperations", "get", "list", "watch"),
            rule("eltm.io", "eltmoperations/status", "get", "update", "patch"),
            rule("eltm.io", "eltmhosts", "get", "list", "watch"),
            rule("eltm.io", "eltmhosts/status", "get", "update", "patch"),
            rule("coordination.k8s.io", "leases", "get", "create", "update", "patch"));

    private AgentPermissions() {
    }

    private static PolicyRule rule(String group, String resource, String... verbs) {
        return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
    }
}
