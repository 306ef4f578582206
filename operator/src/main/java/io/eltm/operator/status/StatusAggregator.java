package io.eltm.operator.status;

import io.eltm.operator.plan.Decision;
import io.eltm.operator.plan.Decision.Complete;
import io.eltm.operator.plan.Decision.Fail;
import io.eltm.operator.plan.Decision.Follow;
import io.eltm.operator.plan.Decision.StartOperation;
import io.eltm.operator.plan.HostFacts;
import io.eltm.operator.plan.InstallationFacts;
import io.eltm.operator.plan.OperationFacts;
import io.eltm.operator.plan.Reasons;
import io.eltm.operator.plan.ReportedInstall;
import io.eltm.api.v1alpha1.MigrationState;
import java.time.Instant;
import java.util.List;

/**
 * The only writer of an installation's status and conditions. Pure like the planner: the reconciler reads its
 * injected {@code Clock} once per reconcile and passes that {@code now} to both.
 *
 * <p>Versions shown are what the host reports (so a change made by hand shows up), except while an operation is in
 * flight (followed), when the status keeps the version it started from; when the operation ends, its result is folded in and
 * {@code lastUpgrade} records the change from that version.
 */
public final class StatusAggregator {

    /** The name of the shim's migration step ({@code io.eltm.shim} {@code MigrateStep.NAME}). */
    static final String MIGRATE_STEP = io.eltm.api.v1alpha1.OperationStep.MIGRATE;

    public StatusUpdate aggregate(StatusView previous, InstallationFacts installation, HostFacts host,
                                  OperationFacts operation, Decision decision, Instant now) {
        // While an operation runs, the status keeps the version it started from (the from of lastUpgrade).
        // A report read before the last operation ended is not folded either: it would show the old version again.
        ReportedInstall folded = decision instanceof Follow || isStale(decision) ? null
                : foldedReport(host, operation, decision);
        Verdict verdict = Verdicts.of(decision, installation, folded, previous);
        ConditionMerger merger = new ConditionMerger(previous.conditions(),
                List.of(verdict.ready(), verdict.progressing(), verdict.degraded(), HostConnection.of(host, now)),
                installation.generation(), now);
        StatusView status = new StatusView(verdict.phase(), merger.conditions(), installation.generation(),
                folded == null ? previous.version() : folded.version(),
                folded == null ? previous.builtAt() : folded.builtAt(),
                folded == null ? previous.gitSha() : folded.gitSha(),
                migrations(previous, folded, decision),
                lastUpgrade(previous, decision),
                currentOperation(previous, decision),
                decision instanceof Fail fail ? fail.lastHandledGeneration() : previous.lastHandledGeneration(),
                retry(previous, decision));
        return new StatusUpdate(status, merger.transitions());
    }

    private static boolean isStale(Decision decision) {
        return decision instanceof Decision.Wait wait && Reasons.REPORT_PREDATES_OPERATION.equals(wait.reason());
    }

    /** A transient failure sets the retry; an operation that ended otherwise clears it; nothing else touches it. */
    private static InstallationFacts.Retry retry(StatusView previous, Decision decision) {
        if (decision instanceof Fail fail) {
            return fail.retry();
        }
        return decision instanceof Complete ? null : previous.retry();
    }

    /** What the host runs now: the finished operation's own report when there is one, else the agent's. */
    private static ReportedInstall foldedReport(HostFacts host, OperationFacts operation, Decision decision) {
        if (decision instanceof Complete && operation != null && operation.result() != null) {
            return operation.result();
        }
        return host.reported();
    }

    private static MigrationsView migrations(StatusView previous, ReportedInstall folded, Decision decision) {
        if (decision instanceof Follow follow && MIGRATE_STEP.equals(follow.currentStep())) {
            MigrationsView before = previous.migrations();
            return before == null ? new MigrationsView(null, List.of(), MigrationState.Migrating)
                    : new MigrationsView(before.current(), before.pending(), MigrationState.Migrating);
        }
        if (folded == null) {
            return previous.migrations();
        }
        MigrationState state;
        if (decision instanceof Fail fail && fail.operation() != null
                && MIGRATE_STEP.equals(fail.operation().currentStep())) {
            state = MigrationState.Failed;
        } else {
            state = folded.hasPendingMigrations() ? MigrationState.Pending : MigrationState.UpToDate;
        }
        return new MigrationsView(folded.schemaCurrent(), folded.schemaPending(), state);
    }

    private static LastUpgradeView lastUpgrade(StatusView previous, Decision decision) {
        OperationFacts ended = decision instanceof Complete complete ? complete.operation()
                : decision instanceof Fail fail ? fail.operation() : null;
        if (ended == null) {
            return previous.lastUpgrade();
        }
        return new LastUpgradeView(ended.name(), ended.uid(), previous.version(), ended.targetVersion(),
                ended.phase().result(),
                ended.startedAt(), ended.finishedAt(), ended.downtimeMillis());
    }

    private static String currentOperation(StatusView previous, Decision decision) {
        if (decision instanceof StartOperation start) {
            return start.operationName();
        }
        if (decision instanceof Follow follow) {
            return follow.operationName();
        }
        if (decision instanceof Complete || decision instanceof Fail) {
            return null;
        }
        return previous.currentOperation();
    }
}
