package io.eltm.shim.hosts;

import io.eltm.api.v1alpha1.EltmHost;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;

import java.util.List;

/**
 * Exactly what a host's agent may do through RBAC (contract §8): read operations and report their status, report
 * its EltmHost, renew its Lease, and issue fresh tokens for its own ServiceAccount only. Which objects of those
 * kinds are its own is then enforced by the ValidatingAdmissionPolicy in {@code crds/agent-confinement.yaml}.
 */
public final class AgentPermissions {

    private AgentPermissions() {
    }

    /** The Role's rules for host {@code host}'s agent. */
    public static List<PolicyRule> rules(String host) {
        return List.of(
                rule("eltm.io", "eltmoperations", "get", "list", "watch"),
                rule("eltm.io", "eltmoperations/status", "get", "update", "patch"),
                rule("eltm.io", "eltmhosts", "get", "list", "watch"),
                rule("eltm.io", "eltmhosts/status", "get", "update", "patch"),
                rule("coordination.k8s.io", "leases", "get", "create", "update", "patch"),
                // TokenRequest names the ServiceAccount in the URL, so resourceNames confines it to the agent's own
                new PolicyRuleBuilder().withApiGroups("").withResources("serviceaccounts/token")
                        .withResourceNames(EltmHost.agentServiceAccount(host)).withVerbs("create").build());
    }

    private static PolicyRule rule(String group, String resource, String... verbs) {
        return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
    }
}
