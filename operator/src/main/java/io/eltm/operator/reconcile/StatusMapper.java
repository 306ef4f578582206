package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallationStatus;
import io.eltm.api.v1alpha1.LastUpgrade;
import io.eltm.api.v1alpha1.Migrations;
import io.eltm.api.v1alpha1.RetryState;
import io.eltm.operator.plan.InstallationFacts;
import io.eltm.operator.status.ConditionView;
import io.eltm.operator.status.LastUpgradeView;
import io.eltm.operator.status.MigrationsView;
import io.eltm.operator.status.StatusView;

import io.fabric8.kubernetes.api.model.Condition;

import java.time.Instant;
import java.util.Optional;

/** Between the aggregator's {@link StatusView} and the resource's status, both ways; the enums are the API's own. */
final class StatusMapper {

    private StatusMapper() {
    }

    static StatusView view(EltmInstallationStatus s) {
        if (s == null) {
            return StatusView.empty();
        }
        return new StatusView(s.getPhase(),
                s.getConditions().stream().map(c -> new ConditionView(c.getType(), c.getStatus(), c.getReason(),
                        c.getMessage(), FactsMapper.instant(c.getLastTransitionTime()),
                        Optional.ofNullable(c.getObservedGeneration()).orElse(0L))).toList(),
                Optional.ofNullable(s.getObservedGeneration()).orElse(0L), s.getVersion(),
                FactsMapper.instant(s.getBuiltAt()), s.getGitSha(),
                s.getMigrations() == null ? null : new MigrationsView(s.getMigrations().getCurrent(),
                        s.getMigrations().getPending(), s.getMigrations().getState()),
                s.getLastUpgrade() == null ? null : lastUpgrade(s.getLastUpgrade()),
                s.getCurrentOperation(), Optional.ofNullable(s.getLastHandledGeneration()).orElse(0L), retry(s));
    }

    static InstallationFacts.Retry retry(EltmInstallationStatus s) {
        RetryState r = s.getRetry();
        return r == null ? null : new InstallationFacts.Retry(Optional.ofNullable(r.getAttempts()).orElse(0),
                FactsMapper.instant(r.getNotBefore()), Optional.ofNullable(r.getGeneration()).orElse(0L));
    }

    static EltmInstallationStatus status(StatusView v) {
        EltmInstallationStatus s = new EltmInstallationStatus();
        s.setPhase(v.phase());
        s.setConditions(v.conditions().stream().map(c -> new Condition(text(c.lastTransitionTime()), c.message(),
                c.observedGeneration(), c.reason(), c.status(), c.type())).toList());
        s.setObservedGeneration(v.observedGeneration());
        s.setVersion(v.version());
        s.setBuiltAt(text(v.builtAt()));
        s.setGitSha(v.gitSha());
        if (v.migrations() != null) {
            Migrations m = new Migrations();
            m.setCurrent(v.migrations().current());
            m.setPending(v.migrations().pending());
            m.setState(v.migrations().state());
            s.setMigrations(m);
        }
        if (v.lastUpgrade() != null) {
            LastUpgrade u = new LastUpgrade();
            u.setOperation(v.lastUpgrade().operation());
            u.setOperationUid(v.lastUpgrade().operationUid());
            u.setFrom(v.lastUpgrade().from());
            u.setTo(v.lastUpgrade().to());
            u.setResult(v.lastUpgrade().result());
            u.setStartedAt(text(v.lastUpgrade().startedAt()));
            u.setFinishedAt(text(v.lastUpgrade().finishedAt()));
            u.setDowntimeMillis(v.lastUpgrade().downtimeMillis());
            s.setLastUpgrade(u);
        }
        s.setCurrentOperation(v.currentOperation());
        s.setLastHandledGeneration(v.lastHandledGeneration());
        if (v.retry() != null) {
            s.setRetry(new RetryState(v.retry().attempts(), text(v.retry().notBefore()), v.retry().generation()));
        }
        return s;
    }

    private static LastUpgradeView lastUpgrade(LastUpgrade u) {
        return new LastUpgradeView(u.getOperation(), u.getOperationUid(), u.getFrom(), u.getTo(), u.getResult(),
                FactsMapper.instant(u.getStartedAt()), FactsMapper.instant(u.getFinishedAt()), u.getDowntimeMillis());
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
