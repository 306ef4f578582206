package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.Step;
import io.eltm.shim.release.ExtractionLimits;

import java.util.List;

/**
 * The upgrade as data: the ordered steps that every upgrade and rollback runs. Progress output,
 * the journal, {@code lastOperation.steps}, the cluster status and rollback all read this list.
 */
public final class UpgradeSteps {

    private UpgradeSteps() {
    }

    public static List<Step> all(ExtractionLimits limits) {
        return List.of(
                new FetchStep(),
                new StageStep(limits),
                new PreflightStep(),
                new StopStep(),
                new SwapStep(),
                new StartPostgresStep(),
                new SnapshotStep(),
                new MigrateStep(),
                new StartStep(),
                new VerifyStep(),
                new FinishStep());
    }
}
