package io.eltm.shim.engine.steps;

import io.eltm.shim.RefusedException;
import io.eltm.shim.db.MigrationPlan;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Preflight;
import io.eltm.shim.engine.RemovedFiles;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.engine.SwapUnit;
import io.eltm.shim.release.ReplacedPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The last checks while services still run, the same {@link Preflight} that {@code eltm-shim check}
 * runs: version policy, what to swap (and which files that removes), the rename preconditions, the
 * migration plan, Flyway's validation, the database's own checks and the snapshot's disk space. Any
 * refusal here leaves install and services untouched; all problems found are named together.
 */
public final class PreflightStep implements Step {

    public static final String NAME = "preflight";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean changesInstall() {
        return false;
    }

    @Override
    public StepOutcome run(OperationContext ctx) throws Exception {
        Path staging = ctx.stagingDir();
        Preflight.Candidate release = new Preflight.Candidate(staging,
                Preflight.stringsOf(ReplacedPaths.swapUnits(staging)),
                rel -> Files.exists(staging.resolve(rel), LinkOption.NOFOLLOW_LINKS), staging, 0);
        Preflight.Findings found = new Preflight(ctx.installDir(), ctx.db())
                .run(release, ctx.state().options().allowDowngrade(), ctx.state().options().baseline());
        if (found.from() != null && found.to() != null) {
            ctx.state().from(found.from());
            ctx.state().to(found.to());
        }
        if (!found.problems().isEmpty()) {
            throw new RefusedException(String.join("; ", found.problems()));
        }
        MigrationPlan plan = found.plan();
        ctx.state().units(found.units());
        ctx.state().migrations(plan.downgrade() ? plan.undoNames() : plan.applyNames(), plan.downgrade());
        ctx.state().schemaBaseline(plan.baseline() == null ? null : plan.baseline().getVersion());
        ctx.save();
        return StepOutcome.done(found.from().version() + " → " + found.to().version() + ", " + found.units().size()
                + " paths to swap, " + describe(plan) + (found.removedFiles().isEmpty() ? ""
                : "; " + RemovedFiles.LABEL + ": " + RemovedFiles.summary(found.removedFiles(), 20)));
    }

    @Override
    public void undo(OperationContext ctx) {
        // Nothing was changed.
    }

    static List<SwapUnit> units(Path install, Path staging) throws IOException {
        return Preflight.units(Preflight.stringsOf(ReplacedPaths.swapUnits(install)),
                Preflight.stringsOf(ReplacedPaths.swapUnits(staging)));
    }

    static String describe(MigrationPlan plan) {
        if (plan.downgrade()) {
            return "undo migrations " + String.join(", ", plan.undoNames());
        }
        return plan.apply().isEmpty() ? "no pending migrations" : "pending migrations " + String.join(", ", plan.applyNames());
    }
}
