package io.eltm.shim.engine.steps;

import io.eltm.shim.RefusedException;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.ReleaseCache;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.release.ReleaseSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gets the release to install while services still run: a local tarball or a download verified by
 * sha256 (upgrade), or the newest cached release tree (rollback).
 */
public final class FetchStep implements Step {

    public static final String NAME = "fetch";

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
        if (ctx.state().type().equals("rollback")) {
            Path cached = new ReleaseCache(ctx.paths(), ctx.files()).newest().orElseThrow(() -> new RefusedException(
                    "no earlier release is cached under " + ctx.paths().releaseCache() + ": rollback needs one; "
                            + "install the older release with `eltm-shim upgrade TARBALL --allow-downgrade`"));
            ctx.state().releaseFile(cached.toString(), false);
            ctx.save();
            return StepOutcome.done("cached release " + cached.getFileName());
        }
        ReleaseSource source = ReleaseSource.withDefaultClient(ctx.paths().downloads());
        ReleaseSource.LocalRelease local = source.resolve(ctx.state().source(),
                Optional.ofNullable(ctx.state().sha256()),
                (done, total) -> ctx.listener().progress(NAME, done, total));
        ctx.state().releaseFile(local.file().toString(), local.downloadedFrom().isPresent());
        ctx.save();
        return StepOutcome.done(local.downloadedFrom().map(u -> "downloaded " + u).orElse(local.file().toString())
                + local.sha256().map(s -> ", sha256 verified").orElse(ctx.state().sha256() == null ? ""
                        : ", sha256 checked while staging"));
    }

    @Override
    public void undo(OperationContext ctx) throws Exception {
        if (ctx.state().downloaded() && ctx.state().releaseFile() != null) {
            Files.deleteIfExists(Path.of(ctx.state().releaseFile()));
        }
    }
}
