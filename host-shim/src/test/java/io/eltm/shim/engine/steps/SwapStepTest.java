package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.OperationOptions;
import io.eltm.shim.engine.RenameRecord;
import io.eltm.shim.engine.StepListener;
import io.eltm.shim.engine.SwapJournal;
import io.eltm.shim.engine.SwapUnit;
import io.eltm.shim.engine.TestContexts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwapStepTest {

    @TempDir
    Path install;

    private OperationContext ctx;
    private Map<String, String> before;

    @BeforeEach
    void layOutOldInstallAndNewStaging() throws IOException {
        write(install, "VERSION", "VERSION=8.4.1\n");
        write(install, "bin/update-server.sh", "old");
        write(install, "bin/legacy-tool.sh", "dropped by the new release");
        write(install, "server/engine/eltm-engine.jar", "old engine");
        write(install, "server/engine/old-only.jar", "dropped jar");
        write(install, "server/engine/lib/a.jar", "old lib");
        write(install, "server/engine/engine.properties", "tuned by the operator");
        write(install, "server/keystore.jks", "keystore");
        write(install, "data/workflow/job.xml", "<job/>");
        ctx = freshContext();
        Path staging = ctx.stagingDir();
        write(staging, "VERSION", "VERSION=8.4.2\n");
        write(staging, "bin/update-server.sh", "new");
        write(staging, "server/engine/eltm-engine.jar", "new engine");
        write(staging, "server/engine/new-only.jar", "added jar");
        write(staging, "server/engine/lib/b.jar", "new lib");
        ctx.state().units(PreflightStep.units(install, staging));
        before = snapshot(install);
    }

    private OperationContext freshContext() throws IOException {
        OperationContext fresh = TestContexts.of(install, List.of("swap"), OperationOptions.defaults(), Clock.systemUTC(),
                StepListener.NONE);
        fresh.state().stagingDir(install.resolve("transient/eltm-shim/ops/op-1/staging").toString());
        fresh.state().backupDir(install.resolve("transient/eltm-shim/ops/op-1/previous").toString());
        if (ctx != null) {
            fresh.state().units(ctx.state().units());
        }
        return fresh;
    }

    @Test
    void swapsEveryReplacedPathWhollyAndKeepsEverythingElse() throws Exception {
        new SwapStep().run(ctx);

        Map<String, String> after = snapshot(install);
        assertThat(after).containsEntry("VERSION", "VERSION=8.4.2\n")
                .containsEntry("bin/update-server.sh", "new")
                .containsEntry("server/engine/eltm-engine.jar", "new engine")
                .containsEntry("server/engine/new-only.jar", "added jar")
                .containsEntry("server/engine/lib/b.jar", "new lib")
                .containsEntry("server/engine/engine.properties", "tuned by the operator")
                .containsEntry("server/keystore.jks", "keystore")
                .containsEntry("data/workflow/job.xml", "<job/>")
                .doesNotContainKeys("bin/legacy-tool.sh", "server/engine/old-only.jar", "server/engine/lib/a.jar");
    }

    @Test
    void undoAfterACompleteSwapRestoresTheOldTreeByteForByte() throws Exception {
        new SwapStep().run(ctx);

        new SwapStep().undo(ctx);

        assertThat(snapshot(install)).isEqualTo(before);
    }

    @Test
    void undoAfterASwapInterruptedHalfwayRestoresTheOldTreeByteForByte() throws Exception {
        List<SwapUnit> all = ctx.state().units();
        for (int done = 0; done <= all.size(); done++) {
            OperationContext crashed = freshContext();
            crashed.state().units(all.subList(0, done));
            new SwapStep().run(crashed);
            if (done < all.size()) { // the crash came after journaling the next rename, before making it
                SwapUnit next = all.get(done);
                Path from = next.hadOld() ? install.resolve(next.path()) : crashed.stagingDir().resolve(next.path());
                Path to = next.hadOld() ? crashed.backupDir().resolve(next.path()) : install.resolve(next.path());
                crashed.state().renameIntended(RenameRecord.swap(from.toString(), to.toString()));
            }
            crashed.state().units(all);

            new SwapStep().undo(crashed);

            assertThat(snapshot(install)).as("after %d of %d units", done, all.size()).isEqualTo(before);
        }
    }

    @Test
    void anUndoStoppedByAFailedRenameResumesThereAndNeverMovesARestoredUnitAgain() throws Exception {
        new SwapStep().run(ctx);
        Path stagedEngine = ctx.stagingDir().resolve("server/engine");
        Path restored = install.resolve("server/engine/old-only.jar");
        Files.setPosixFilePermissions(stagedEngine, PosixFilePermissions.fromString("r-x------"));
        // units are undone newest first: old-only.jar is back when new-only.jar cannot go back to staging
        assertThatThrownBy(() -> new SwapStep().undo(ctx)).isInstanceOf(IOException.class);
        Object restoredInode = Files.getAttribute(restored, "unix:ino");
        Files.setPosixFilePermissions(stagedEngine, PosixFilePermissions.fromString("rwx------"));

        new SwapStep().undo(ctx);

        assertThat(snapshot(install)).isEqualTo(before);
        assertThat(Files.getAttribute(restored, "unix:ino")).as("restored once, left alone since")
                .isEqualTo(restoredInode);
        List<RenameRecord> journaled = new SwapJournal(ctx.paths()).unfinished().orElseThrow().renames();
        long swaps = journaled.stream().filter(r -> !r.isUndo()).count();
        assertThat(journaled.stream().filter(RenameRecord::isUndo).map(RenameRecord::undoes).distinct().count())
                .as("each swap rename taken back exactly once").isEqualTo(swaps)
                .isEqualTo(journaled.size() - swaps);
    }

    @Test
    void undoTwiceIsHarmless() throws Exception {
        new SwapStep().run(ctx);
        new SwapStep().undo(ctx);

        new SwapStep().undo(ctx);

        assertThat(snapshot(install)).isEqualTo(before);
    }

    private static void write(Path root, String rel, String content) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    /** Every file outside the tool's own state, with its content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith("transient/")) {
                    files.put(rel, Files.readString(p));
                }
            }
        }
        return files;
    }
}
