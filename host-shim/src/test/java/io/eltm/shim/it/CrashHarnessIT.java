package io.eltm.shim.it;

import io.eltm.shim.engine.CrashPoints;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.steps.UpgradeSteps;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.release.ExtractionLimits;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness: the real {@code eltm-shim} process SIGKILLed at every crash point it passes
 * (every journal write, every rename, every step's end: {@link CrashPoints}, the one registry), in
 * an upgrade, inside its undo and inside the recovery of an earlier crash. The points are not listed
 * here: each scenario first runs once with {@code ELTM_SHIM_CRASH_TRACE} and replays every point it
 * passed, so a point added to the code is crashed at too. After each kill, the next command (and,
 * for a crash inside recovery, the one after) must leave the install wholly on one release,
 * consistent with {@code schema_version}, healthy, and with the audit DB's rows intact. The target
 * releases ship no undo scripts, so taking migrations back restores the snapshot.
 */
class CrashHarnessIT {

    private static final ReleaseKit KIT = ReleaseKit.inUserCache();
    private static final ReleaseSpec TARGET = SampleReleases.bWithoutUndo();
    private static final ReleaseSpec NEVER_HEALTHY = SampleReleases.neverHealthy().withoutUndo().withVersion("8.6.1");
    private static final Set<String> EXERCISED = new TreeSet<>();
    private static final CrashSandboxes SANDBOXES = new CrashSandboxes(KIT, SampleReleases.a());

    @AfterAll
    static void removeSandboxes() {
        SANDBOXES.close();
    }

    /**
     * Traces the three scenarios one after the other, then replays their points two at a time: the
     * upgrade, the undo of a failed upgrade (the release never gets healthy), and the recovery of an
     * upgrade that crashed with its migrations committed.
     */
    @TestFactory
    @Execution(ExecutionMode.CONCURRENT) // two replays at once, each on its own install
    Stream<DynamicNode> killedAtEveryCrashPoint() {
        return Stream.of(killedAtEveryPointOfAnUpgrade(), killedAtEveryPointOfTheUndoOfAFailedUpgrade(),
                killedAtEveryPointOfTheRecoveryOfACrashedUpgrade(), everyRegisteredCrashPointIsExercised());
    }

    private DynamicNode killedAtEveryPointOfAnUpgrade() {
        String[] upgrade = upgrade(TARGET, 60);
        List<String> points = SANDBOXES.traced(TARGET, sandbox -> sandbox.crashed().trace(upgrade));
        return replay("killed at every point of an upgrade", points, point -> SANDBOXES.onA(sandbox -> {
            sandbox.crashed().killAt(point, upgrade);
            sandbox.assertRecoveredOnOneRelease(TARGET, "status", "--json");
        }));
    }

    private DynamicNode killedAtEveryPointOfTheUndoOfAFailedUpgrade() {
        String[] failing = upgrade(NEVER_HEALTHY, 1);
        List<String> all = SANDBOXES.traced(NEVER_HEALTHY, sandbox -> sandbox.crashed().trace(failing));
        List<String> undo = all.subList(all.indexOf("start:after#1"), all.size());
        return replay("killed at every point of the undo of a failed upgrade", undo, point -> SANDBOXES.onA(sandbox -> {
            sandbox.crashed().killAt(point, failing);
            sandbox.assertRecoveredOnOneRelease(NEVER_HEALTHY, "status", "--json");
            sandbox.assertOn(SampleReleases.a().version());
        }));
    }

    private DynamicNode killedAtEveryPointOfTheRecoveryOfACrashedUpgrade() {
        String[] upgrade = upgrade(TARGET, 60);
        String firstCrash = "migrate:after#1"; // migrations committed: recovery restores the snapshot and renames back
        List<String> points = SANDBOXES.traced(TARGET, sandbox -> {
            sandbox.crashed().killAt(firstCrash, upgrade);
            return sandbox.crashed().trace("status");
        });
        return replay("killed at every point of the recovery of a crashed upgrade", points,
                point -> SANDBOXES.onA(sandbox -> {
                    sandbox.crashed().killAt(firstCrash, upgrade);
                    sandbox.crashed().killAt(point, "status");
                    sandbox.assertRecoveredOnOneRelease(TARGET, "status", "--json");
                }));
    }

    /** Run once the three scenarios are traced: a kind of point none of them passes fails here. */
    private static DynamicNode everyRegisteredCrashPointIsExercised() {
        Set<String> registered = new TreeSet<>(CrashPoints.REGISTERED);
        for (Step step : UpgradeSteps.all(ExtractionLimits.DEFAULT)) {
            registered.add(step.name() + ":after");
        }
        return DynamicTest.dynamicTest("every registered crash point is exercised", () ->
                assertThat(EXERCISED).as("crash points no scenario of this harness reaches: extend a scenario")
                        .containsAll(registered));
    }

    @Test
    void aVerifiedUpgradeIsNotRolledBackByARebootBeforeItIsRecorded() {
        SANDBOXES.onA(sandbox -> {
            sandbox.forgetRelease(); // whatever happens here, it ends on the target
            sandbox.crashed().killAt(CrashPoints.VERIFIED_HEALTHY, upgrade(TARGET, 60));
            sandbox.install().stop(); // the reboot: every service gone

            ShimCli.Run status = sandbox.crashed().cli().run("status", "--json");

            assertThat(status.exit()).as(status.toString()).isZero();
            JsonNode json = status.lastJson();
            assertThat(json.get("version").asText()).isEqualTo(TARGET.version());
            assertThat(json.at("/lastOperation/result").asText()).as(status.toString()).isEqualTo("Succeeded");
            sandbox.install().start();
            assertThat(sandbox.install().healthResponse().body()).contains("VERSION=" + TARGET.version());
        });
    }

    private static String[] upgrade(ReleaseSpec release, int healthTimeoutSeconds) {
        Path tarball = KIT.build(release);
        return new String[] {"upgrade", tarball.toString(), "--health-timeout", Integer.toString(healthTimeoutSeconds)};
    }

    private interface CrashRun {
        void at(String point);
    }

    /**
     * One test per point. {@code -Deltm.crash.stride=N} (default 1: every point) keeps every N-th point
     * and the first of each kind, for a quick local run; CI runs every point.
     */
    private static DynamicNode replay(String scenario, List<String> points, CrashRun run) {
        assertThat(points).as("the traced run passed no crash point").isNotEmpty();
        int stride = Integer.getInteger("eltm.crash.stride", 1);
        // a step's start leaves what the journal write just before it left: replayed there already
        List<String> distinct = points.stream().filter(p -> !p.contains(":before#")).toList();
        List<String> chosen = IntStream.range(0, distinct.size())
                .filter(i -> i % stride == 0 || distinct.get(i).endsWith("#1"))
                .mapToObj(distinct::get).toList();
        chosen.forEach(p -> EXERCISED.add(p.substring(0, p.indexOf('#'))));
        System.out.printf("crash harness: %d points traced, %d distinct, %d replayed (stride %d)%n", points.size(),
                distinct.size(), chosen.size(), stride);
        return DynamicContainer.dynamicContainer(scenario,
                chosen.stream().map(point -> DynamicTest.dynamicTest("killed at " + point, () -> run.at(point))));
    }
}
