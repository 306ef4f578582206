package io.eltm.operator.status;

import java.time.Instant;

/**
 * One condition as the status shows it (Kubernetes' {@code metav1.Condition} shape; the mapping to Fabric8's
 * {@code Condition} belongs to the reconciler).
 *
 * @param status {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN}
 * @param reason a CamelCase constant
 * @param lastTransitionTime when {@code status} last changed; not when the message or reason changed
 */
public record ConditionView(String type, String status, String reason, String message, Instant lastTransitionTime,
                            long observedGeneration) {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";
    public static final String HOST_CONNECTED = "HostConnected";

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";
}
