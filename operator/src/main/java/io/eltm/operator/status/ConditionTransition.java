package io.eltm.operator.status;

/**
 * A condition whose status changed in this reconcile: the reconciler emits one Kubernetes Event for each, and none
 * when nothing changed.
 *
 * @param from the previous status; null when the condition did not exist yet
 */
public record ConditionTransition(String type, String from, String to, String reason, String message) {
}
