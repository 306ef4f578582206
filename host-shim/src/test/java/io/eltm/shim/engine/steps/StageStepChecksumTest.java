package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.OperationOptions;
import io.eltm.shim.engine.OperationRunner;
import io.eltm.shim.engine.OperationState;
import io.eltm.shim.engine.OperationState.Result;
import io.eltm.shim.engine.StepListener;
import io.eltm.shim.engine.StepRecord;
import io.eltm.shim.engine.StepState;
import io.eltm.shim.engine.TestContexts;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.release.TestTarball;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --sha256 is checked on the bytes the stage step extracts: a file swapped after fetch is refused. */
class StageStepChecksumTest {

    @TempDir
    Path dir;

    // On main, fetch hashed the file and stage read it again unchecked: the swapped release was staged.
    @Test
    void refusesAReleaseFileReplacedBetweenFetchAndStage() throws Exception {
        Path install = Files.createDirectories(dir.resolve("install"));
        Path tarball = TestTarball.release(TestTarball.rooted(), "8.4.2").writeTo(dir.resolve("release.tar.gz"));
        Path evil = TestTarball.release(TestTarball.rooted(), "6.6.6").file("bin/planted.sh", "evil", 0755)
                .writeTo(dir.resolve("evil.tar.gz"));
        String published = TestTarball.sha256Of(tarball);
        OperationState state = new OperationState("op-1", "upgrade", "etl-test", tarball.toString(), published,
                OperationOptions.defaults(), Clock.systemUTC().instant(), List.of(FetchStep.NAME, StageStep.NAME));
        StepListener swapAfterFetch = new StepListener() {
            @Override
            public void stepStarted(StepRecord step) {
            }

            @Override
            public void stepEnded(StepRecord step) {
                if (step.name().equals(FetchStep.NAME) && step.state() == StepState.DONE) {
                    TestTarball.replace(evil, tarball);
                }
            }
        };
        OperationContext ctx = TestContexts.of(install, state, Clock.systemUTC(), swapAfterFetch);

        Result result = new OperationRunner(List.of(new FetchStep(), new StageStep(ExtractionLimits.DEFAULT))).run(ctx);

        assertThat(result).as(state.message()).isEqualTo(Result.Refused);
        assertThat(state.message()).contains("sha256 mismatch").contains(published);
        assertThat(ctx.paths().operationDir("op-1").resolve("staging")).doesNotExist();
    }
}
