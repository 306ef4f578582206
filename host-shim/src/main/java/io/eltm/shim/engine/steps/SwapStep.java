package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.engine.SwapUnit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Swaps each replaced path as a whole by rename: the old one into {@code previous/}, the new one
 * from {@code staging/} into place. Renames on one filesystem are atomic, so every path always holds
 * exactly one release. Which renames happened is read back from the file system, so the undo is
 * exact after a crash at any point.
 */
public final class SwapStep implements Step {

    public static final String NAME = "swap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) throws IOException {
        List<SwapUnit> units = ctx.state().units();
        for (int i = 0; i < units.size(); i++) {
            SwapUnit u = units.get(i);
            ctx.crashPoints().reached(NAME + ":unit-" + i);
            if (u.hadOld()) {
                move(ctx.installDir().resolve(u.path()), ctx.backupDir().resolve(u.path()));
            }
            if (u.hasNew()) {
                move(ctx.stagingDir().resolve(u.path()), ctx.installDir().resolve(u.path()));
            }
        }
        return StepOutcome.done(units.size() + " paths swapped");
    }

    @Override
    public void undo(OperationContext ctx) throws IOException {
        List<SwapUnit> units = ctx.state().units();
        for (int i = units.size() - 1; i >= 0; i--) {
            SwapUnit u = units.get(i);
            Path installed = ctx.installDir().resolve(u.path());
            Path staged = ctx.stagingDir().resolve(u.path());
            Path previous = ctx.backupDir().resolve(u.path());
            if (u.hasNew() && Files.exists(installed, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(staged)) {
                move(installed, staged);
            }
            if (u.hadOld() && Files.exists(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                move(previous, installed);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
