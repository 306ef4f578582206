package io.eltm.e2e;

import java.util.List;
import java.util.Map;

/** An Argo CD {@code Application} as its controller wrote it: what {@code argocd app get} would show. */
record ArgoCdApplication(String name, Map<String, Object> fields) {

    /** {@code Synced} / {@code OutOfSync} / {@code Unknown}; null before the first comparison. */
    String syncStatus() {
        return text(map(status(), "sync"), "status");
    }

    /** The Git commit the comparison was made against. */
    String revision() {
        return text(map(status(), "sync"), "revision");
    }

    /** {@code Healthy} / {@code Progressing} / {@code Degraded} / {@code Suspended} / ... of the whole Application. */
    String health() {
        return text(map(status(), "health"), "status");
    }

    /** The health Argo CD computed for one managed resource (with {@code --persist-resource-health}). */
    ArgoCdHealthCheck.Health resourceHealth(String kind, String resourceName) {
        for (Map<String, Object> r : list(status(), "resources")) {
            if (kind.equals(r.get("kind")) && resourceName.equals(r.get("name"))) {
                Map<String, Object> health = map(r, "health");
                return health.isEmpty() ? null : new ArgoCdHealthCheck.Health(text(health, "status"),
                        health.get("message") == null ? "" : text(health, "message"));
            }
        }
        return null;
    }

    /** Syncs Argo CD has run: one entry per sync operation, so a fight with the operator would grow it. */
    List<Map<String, Object>> history() {
        return list(status(), "history");
    }

    @Override
    public String toString() {
        return "Application " + name + ": sync " + syncStatus() + " at " + revision() + ", health " + health()
                + ", conditions " + status().get("conditions") + ", operation " + status().get("operationState");
    }

    private Map<String, Object> status() {
        return map(fields, "status");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String key) {
        Object value = from.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> from, String key) {
        Object value = from.get(key);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static String text(Map<String, Object> from, String key) {
        Object value = from.get(key);
        return value == null ? null : value.toString();
    }
}
