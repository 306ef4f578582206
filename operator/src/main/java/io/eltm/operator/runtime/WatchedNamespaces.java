package io.eltm.operator.runtime;

import io.javaoperatorsdk.operator.api.reconciler.Constants;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The namespaces the operator watches, from {@code ELTM_OPERATOR_WATCH_NAMESPACES}: a comma-separated list,
 * or unset/blank for every namespace. The event sources (operations, hosts, agent leases) inherit the same
 * set, so a namespaced install never lists anything outside it.
 */
final class WatchedNamespaces {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private WatchedNamespaces() {
    }

    static Set<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Constants.WATCH_ALL_NAMESPACE_SET;
        }
        Set<String> namespaces = new LinkedHashSet<>();
        for (String name : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (!DNS_LABEL.matcher(name).matches()) {
                throw new IllegalArgumentException("ELTM_OPERATOR_WATCH_NAMESPACES names '" + name
                        + "', which is not a namespace name (lower-case DNS label): fix the list (Helm value"
                        + " watchNamespaces) or leave it empty to watch every namespace");
            }
            namespaces.add(name);
        }
        return namespaces.isEmpty() ? Constants.WATCH_ALL_NAMESPACE_SET : Set.copyOf(namespaces);
    }

    static String describe(Set<String> namespaces) {
        return namespaces.equals(Constants.WATCH_ALL_NAMESPACE_SET) ? "all namespaces"
                : "namespaces " + String.join(", ", namespaces.stream().sorted().toList());
    }
}
