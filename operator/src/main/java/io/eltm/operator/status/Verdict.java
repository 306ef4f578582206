package io.eltm.operator.status;

import io.eltm.api.v1alpha1.InstallationPhase;
/** The phase and the three decision-driven conditions for one decision; {@code HostConnected} comes from the lease. */
record Verdict(InstallationPhase phase, ConditionValue ready, ConditionValue progressing, ConditionValue degraded) {
}
