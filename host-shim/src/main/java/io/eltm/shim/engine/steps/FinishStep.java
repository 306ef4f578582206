package io.eltm.shim.engine.steps;

import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.ReleaseCache;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.engine.Trees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * After a verified upgrade: the replaced release goes into the release cache for {@code rollback},
 * the staging area, download and snapshot go away. The upgrade has succeeded by now, so a cleanup
 * problem is reported in the step's message and does not undo it.
 */
public final class FinishStep implements Step {

    public static final String NAME = "finish";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) {
        List<String> problems = new ArrayList<>();
        String cached = "";
        try {
            if (Files.isDirectory(ctx.backupDir())) {
                boolean rollback = ctx.state().type().equals("rollback");
                cached = "; " + ctx.state().from().version() + (rollback ? " kept (never offered to rollback) as "
                        : " cached for rollback as ")
                        + new ReleaseCache(ctx.paths(), ctx.files()).add(ctx.backupDir(), ctx.state().from().version(),
                        ctx.clock().instant(), rollback).getFileName();
            }
        } catch (Exception e) {
            problems.add("caching " + ctx.backupDir() + " failed (" + e.getMessage() + "): rollback cannot use it");
        }
        try {
            Trees.delete(ctx.paths().operationDir(ctx.state().id()));
            if (ctx.state().downloaded()) {
                Files.deleteIfExists(Path.of(ctx.state().releaseFile()));
            }
        } catch (Exception e) {
            problems.add("removing " + ctx.paths().operationDir(ctx.state().id()) + " failed (" + e.getMessage()
                    + "): remove it by hand to free the space");
        }
        if (ctx.state().snapshotDatabase() != null) {
            try {
                new DatabaseSnapshot(ctx.db()).drop(ctx.state().snapshotDatabase());
            } catch (Exception e) {
                problems.add("dropping snapshot DB " + ctx.state().snapshotDatabase() + " failed (" + e.getMessage()
                        + "): drop it by hand");
            }
        }
        return StepOutcome.done(problems.isEmpty() ? "cleaned up" + cached
                : "upgrade done, cleanup incomplete: " + String.join("; ", problems));
    }

    @Override
    public void undo(OperationContext ctx) {
        // Runs only after health was verified; nothing here is taken back.
    }
}
