package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.DurableFiles;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.engine.Trees;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.release.ReleaseSummary;
import io.eltm.shim.release.ReleaseTarball;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Lays the new release's replaced paths out in {@code staging/}, on the install's filesystem, while
 * services still run: the tarball extracted and validated (contract §4), or a cached tree moved in.
 * The staged tree is then synced (every file and directory), so that no power cut after the swap
 * can leave a new file empty or missing.
 */
public final class StageStep implements Step {

    public static final String NAME = "stage";

    private final ExtractionLimits limits;

    public StageStep(ExtractionLimits limits) {
        this.limits = limits;
    }

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
        Path opDir = ctx.paths().operationDir(ctx.state().id());
        ctx.state().stagingDir(opDir.resolve("staging").toString());
        ctx.state().backupDir(opDir.resolve("previous").toString());
        ctx.save();
        Path release = Path.of(ctx.state().releaseFile());
        if (ctx.state().type().equals("rollback")) {
            ctx.files().move(release, ctx.stagingDir());
            DurableFiles.syncTree(ctx.stagingDir());
            return StepOutcome.done("moved " + release.getFileName() + " into staging");
        }
        // --sha256 is checked on the bytes this pass extracts, not on an earlier read of the file
        ReleaseSummary summary = new ReleaseTarball(release, Optional.ofNullable(ctx.state().sha256()))
                .extract(ctx.stagingDir(), limits, (done, total) -> ctx.listener().progress(NAME, done, total));
        DurableFiles.syncTree(ctx.stagingDir());
        return StepOutcome.done(summary.entryCount() + " entries, " + (summary.replacedBytes() >> 20) + " MiB staged");
    }

    @Override
    public void undo(OperationContext ctx) throws Exception {
        if (ctx.state().stagingDir() == null) {
            return;
        }
        if (ctx.state().type().equals("rollback")) {
            Path cached = Path.of(ctx.state().releaseFile());
            if (Files.exists(ctx.stagingDir()) && !Files.exists(cached)) {
                ctx.files().move(ctx.stagingDir(), cached);
            }
        }
        Trees.delete(ctx.stagingDir());
        // previous/ holds the old release until the swap is undone: never delete it while it has content.
        Trees.deleteIfEmpty(ctx.backupDir());
        Trees.deleteIfEmpty(ctx.paths().operationDir(ctx.state().id()));
    }
}
