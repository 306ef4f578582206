package io.eltm.operator.metrics;

import io.eltm.operator.plan.Decision;
import io.eltm.operator.plan.OperationFacts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * What operators of a fleet watch: upgrades by result ({@code eltm_upgrades_total}), how long they
 * took ({@code eltm_upgrade_duration_seconds}) and the services' downtime
 * ({@code eltm_upgrade_downtime_seconds}), recorded when the operator folds a finished operation.
 */
public final class UpgradeMetrics {

    private final MeterRegistry registry;

    public UpgradeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a finished operation; other decisions are not counted. */
    public void record(Decision decision) {
        OperationFacts op = null;
        if (decision instanceof Decision.Complete complete) {
            op = complete.operation();
        } else if (decision instanceof Decision.Fail fail) {
            op = fail.operation();
        }
        if (op == null) {
            return;
        }
        String result = op.phase().name();
        Counter.builder("eltm.upgrades").description("Upgrades and rollbacks the operator saw finish, by result")
                .tag("result", result).tag("type", op.type().wireName()).register(registry).increment();
        if (op.startedAt() != null && op.finishedAt() != null) {
            Timer.builder("eltm.upgrade.duration").description("From the agent starting an operation to its end")
                    .tag("result", result).register(registry).record(Duration.between(op.startedAt(), op.finishedAt()));
        }
        if (op.downtimeMillis() != null) {
            DistributionSummary.builder("eltm.upgrade.downtime").baseUnit("seconds")
                    .description("Services' downtime: mstop-all to the first healthy probe").tag("result", result)
                    .register(registry).record(op.downtimeMillis() / 1000.0);
        }
    }
}
