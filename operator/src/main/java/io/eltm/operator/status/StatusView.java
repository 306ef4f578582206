package io.eltm.operator.status;

import io.eltm.operator.plan.InstallationFacts;
import io.eltm.api.v1alpha1.InstallationPhase;
import java.time.Instant;
import java.util.List;

/**
 * {@code EltmInstallation.status} as the operator computes it, independent of the CRD classes.
 *
 * @param version what the host runs (folded from its report, or from the operation's result)
 * @param currentOperation the operation in flight; null when none
 * @param lastHandledGeneration the generation whose failure is recorded and not retried; 0 when none
 * @param retry the transient failure waiting for its backoff; null when none
 */
public record StatusView(InstallationPhase phase, List<ConditionView> conditions, long observedGeneration, String version,
                         Instant builtAt, String gitSha, MigrationsView migrations, LastUpgradeView lastUpgrade,
                         String currentOperation, long lastHandledGeneration, InstallationFacts.Retry retry) {

    public StatusView {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The status of an installation the operator has never reconciled. */
    public static StatusView empty() {
        return new StatusView(null, List.of(), 0, null, null, null, null, null, null, 0, null);
    }

    /** @return the condition of {@code type}, or null */
    public ConditionView condition(String type) {
        return conditions.stream().filter(condition -> condition.type().equals(type)).findFirst().orElse(null);
    }
}
