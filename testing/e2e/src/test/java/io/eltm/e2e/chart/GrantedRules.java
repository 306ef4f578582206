package io.eltm.e2e.chart;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The rights a chart grants, one (API group, resource, verb) per line, each with the namespace it holds
 * in (empty: every namespace, from a ClusterRole) and the names it is limited to, so that each can be
 * matched against the requests that used it.
 */
public record GrantedRules(List<Grant> grants) {

    /** One right. */
    public record Grant(String scope, String apiGroup, String resource, String verb, List<String> names) {

        public boolean usedBy(AuditLog.Request request) {
            return request.verb().equals(verb) && request.apiGroup().equals(apiGroup)
                    && request.resource().equals(resource)
                    && (scope.isEmpty() || scope.equals(request.namespace()))
                    && (names.isEmpty() || names.contains(request.name()));
        }

        @Override
        public String toString() {
            return verb + " " + (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource
                    + (names.isEmpty() ? "" : " " + names) + (scope.isEmpty() ? " (cluster-wide)" : " in " + scope);
        }
    }

    /** Adds the rules of a ClusterRole ({@code scope} empty) or of a Role in namespace {@code scope}. */
    public static GrantedRules of(List<PolicyRule> rules, String scope, GrantedRules more) {
        List<Grant> grants = new ArrayList<>(more == null ? List.of() : more.grants());
        for (PolicyRule rule : rules) {
            List<String> names = rule.getResourceNames() == null ? List.of() : rule.getResourceNames();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        grants.add(new Grant(scope, group, resource, verb, names));
                    }
                }
            }
        }
        return new GrantedRules(List.copyOf(grants));
    }

    /** Whether any grant covers {@code request}: it should, when the API server allowed it. */
    public boolean cover(AuditLog.Request request) {
        return grants.stream().anyMatch(g -> g.usedBy(request));
    }
}
