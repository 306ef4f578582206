package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallationStatus;
import io.eltm.api.v1alpha1.InstallationPhase;
import io.eltm.api.v1alpha1.LastUpgrade;
import io.eltm.api.v1alpha1.Migrations;
import io.eltm.api.v1alpha1.OperationResult;
import io.eltm.operator.status.ConditionView;
import io.eltm.operator.status.LastUpgradeView;
import io.eltm.operator.status.MigrationState;
import io.eltm.operator.status.MigrationsView;
import io.eltm.operator.status.Phase;
import io.eltm.operator.status.StatusView;

import io.fabric8.kubernetes.api.model.Condition;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** Between the aggregator's {@link StatusView} and the resource's status, both ways. */
final class StatusMapper {

    private StatusMapper() {
    }

    static StatusView view(EltmInstallationStatus s) {
        if (s == null) {
            return StatusView.empty();
        }
        return new StatusView(
                s.getPhase() == null ? null : byName(Phase.values(), s.getPhase().name()),
                s.getConditions().stream().map(c -> new ConditionView(c.getType(), c.getStatus(), c.getReason(),
                        c.getMessage(), FactsMapper.instant(c.getLastTransitionTime()),
                        Optional.ofNullable(c.getObservedGeneration()).orElse(0L))).toList(),
                Optional.ofNullable(s.getObservedGeneration()).orElse(0L), s.getVersion(),
                FactsMapper.instant(s.getBuiltAt()), s.getGitSha(),
                s.getMigrations() == null ? null : new MigrationsView(s.getMigrations().getCurrent(),
                        s.getMigrations().getPending(), s.getMigrations().getState() == null ? null
                        : byName(MigrationState.values(), s.getMigrations().getState().name())),
                s.getLastUpgrade() == null ? null : lastUpgrade(s.getLastUpgrade()),
                s.getCurrentOperation(), Optional.ofNullable(s.getLastHandledGeneration()).orElse(0L));
    }

    static EltmInstallationStatus status(StatusView v) {
        EltmInstallationStatus s = new EltmInstallationStatus();
        s.setPhase(v.phase() == null ? null : InstallationPhase.valueOf(v.phase().displayName()));
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
            m.setState(v.migrations().state() == null ? null
                    : io.eltm.api.v1alpha1.MigrationState.valueOf(v.migrations().state().displayName()));
            s.setMigrations(m);
        }
        if (v.lastUpgrade() != null) {
            LastUpgrade u = new LastUpgrade();
            u.setOperation(v.lastUpgrade().operation());
            u.setFrom(v.lastUpgrade().from());
            u.setTo(v.lastUpgrade().to());
            u.setResult(v.lastUpgrade().result() == null ? null : OperationResult.valueOf(v.lastUpgrade().result()));
            u.setStartedAt(text(v.lastUpgrade().startedAt()));
            u.setFinishedAt(text(v.lastUpgrade().finishedAt()));
            u.setDowntimeMillis(v.lastUpgrade().downtimeMillis());
            s.setLastUpgrade(u);
        }
        s.setCurrentOperation(v.currentOperation());
        s.setLastHandledGeneration(v.lastHandledGeneration());
        return s;
    }

    private static LastUpgradeView lastUpgrade(LastUpgrade u) {
        return new LastUpgradeView(u.getOperation(), u.getFrom(), u.getTo(),
                u.getResult() == null ? null : u.getResult().name(), FactsMapper.instant(u.getStartedAt()),
                FactsMapper.instant(u.getFinishedAt()), u.getDowntimeMillis());
    }

    private static <E extends Enum<E>> E byName(E[] values, String displayName) {
        return Arrays.stream(values).filter(e -> e.toString().equals(displayName) || displayOf(e).equals(displayName))
                .findFirst().orElse(null);
    }

    private static String displayOf(Enum<?> e) {
        if (e instanceof Phase p) {
            return p.displayName();
        }
        return e instanceof MigrationState m ? m.displayName() : e.name();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
