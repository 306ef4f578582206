package io.eltm.operator.status;

/** The phase and the three decision-driven conditions for one decision; {@code HostConnected} comes from the lease. */
record Verdict(Phase phase, ConditionValue ready, ConditionValue progressing, ConditionValue degraded) {
}
