package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.RenameRecord;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.engine.SwapUnit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Swaps each replaced path as a whole by rename: the old one into {@code previous/}, the new one
 * from {@code staging/} into place. Renames on one filesystem are atomic, so every path always holds
 * exactly one release. Each rename is journaled before it is made, and so is each rename of the
 * undo: after a crash anywhere, the journal and the file system together say exactly which renames
 * happened, and the undo takes back those and only those, newest first, each at most once.
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
        for (SwapUnit u : units) {
            if (u.hadOld()) {
                rename(ctx, RenameRecord.swap(ctx.installDir().resolve(u.path()).toString(),
                        ctx.backupDir().resolve(u.path()).toString()));
            }
            if (u.hasNew()) {
                rename(ctx, RenameRecord.swap(ctx.stagingDir().resolve(u.path()).toString(),
                        ctx.installDir().resolve(u.path()).toString()));
            }
        }
        return StepOutcome.done(units.size() + " paths swapped");
    }

    /**
     * Takes back the swap renames newest first. A journal entry followed by another is certainly done;
     * only the last entry may be a rename the crash came before, and for it the file system decides
     * (a rename is atomic). A rename found never made is journaled as such, so no later pass mistakes
     * it for done once the undo has refilled its target.
     */
    @Override
    public void undo(OperationContext ctx) throws IOException {
        List<RenameRecord> log = ctx.state().renames();
        for (int i = log.size() - 1; i >= 0; i--) {
            if (!log.get(i).isUndo()) {
                undoOne(ctx, i);
            }
        }
    }

    private static void undoOne(OperationContext ctx, int index) throws IOException {
        List<RenameRecord> log = ctx.state().renames();
        RenameRecord swap = log.get(index);
        Path from = Path.of(swap.from());
        Path to = Path.of(swap.to());
        int undo = undoOf(log, index);
        if (undo >= 0) {
            if (!log.get(undo).made() || undo < log.size() - 1 || exists(from) && !exists(to)) {
                return; // never made, or taken back already
            }
            requireInEffect(from, to);
            ctx.files().move(to, from); // journaled just before the crash, not made
            return;
        }
        if (index == log.size() - 1 && exists(from) && !exists(to)) {
            ctx.state().renameIntended(RenameRecord.neverMade(index));
            ctx.save();
            return;
        }
        requireInEffect(from, to);
        ctx.state().renameIntended(new RenameRecord(swap.to(), swap.from(), index));
        ctx.save();
        ctx.files().move(to, from);
    }

    private static void requireInEffect(Path from, Path to) {
        if (!exists(to) || exists(from)) {
            throw new IllegalStateException("cannot take back the rename of " + from + " to " + to + ": "
                    + describe(from) + ", " + describe(to) + "; put the release's copy back at " + to
                    + " by hand, then run any eltm-shim command to continue the rollback");
        }
    }

    private static void rename(OperationContext ctx, RenameRecord rename) throws IOException {
        ctx.state().renameIntended(rename);
        ctx.save();
        ctx.files().move(Path.of(rename.from()), Path.of(rename.to()));
    }

    private static int undoOf(List<RenameRecord> log, int index) {
        for (int i = index + 1; i < log.size(); i++) {
            if (log.get(i).undoes() == index) {
                return i;
            }
        }
        return -1;
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static String describe(Path p) {
        return p + (exists(p) ? " exists" : " is missing");
    }
}
