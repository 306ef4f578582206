package io.eltm.operator.status;

import io.eltm.operator.plan.Decision;
import io.eltm.operator.plan.Planner;
import io.eltm.operator.plan.Scenario;
import java.time.Instant;

/** Runs decide + aggregate as the reconciler will: one {@code now} for both. */
final class Reconciles {

    private Reconciles() {
    }

    static StatusUpdate reconcile(StatusView previous, Scenario facts, Instant now) {
        Decision decision = new Planner().plan(facts.installation(), facts.host(), facts.operationFacts(), now);
        return new StatusAggregator().aggregate(previous, facts.installation(), facts.host(), facts.operationFacts(),
                decision, now);
    }

    static StatusUpdate reconcile(StatusView previous, Scenario facts) {
        return reconcile(previous, facts, Scenario.NOW);
    }

    /** A status as the operator left it once the facts were reconciled from scratch. */
    static StatusView settled(Scenario facts) {
        return reconcile(StatusView.empty(), facts).status();
    }
}
