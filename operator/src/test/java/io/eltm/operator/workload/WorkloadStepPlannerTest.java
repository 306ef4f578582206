package io.eltm.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.eltm.operator.workload.WorkloadFacts.JobFacts;
import io.eltm.operator.workload.WorkloadFacts.Verification;
import io.eltm.operator.workload.WorkloadStep.FailVerification;
import io.eltm.operator.workload.WorkloadStep.Finish;
import io.eltm.operator.workload.WorkloadStep.RecordReplicas;
import io.eltm.operator.workload.WorkloadStep.ScaleDown;
import io.eltm.operator.workload.WorkloadStep.ScaleUp;
import io.eltm.operator.workload.WorkloadStep.StartJob;
import io.eltm.operator.workload.WorkloadStep.Verify;
import io.eltm.operator.workload.WorkloadStep.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every branch of the workload upgrade: facts → the next step, and whole upgrades played step by step. */
class WorkloadStepPlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-02T19:00:00Z");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Verification SERVES_B = new Verification(true, "VERSION=8.4.2 through Service eltm");
    private static final Verification SERVES_A = new Verification(false, "the Service answered VERSION=8.4.1");

    /** Three replicas recorded, at zero now, no Job yet: the start of the Job phase. */
    private static WorkloadFacts stopped() {
        return new WorkloadFacts("sales-upgrade-1", "eltm/eltm", 3, 0, 0, 0, JobFacts.ABSENT, JobFacts.ABSENT, null,
                null, READY_TIMEOUT, NOW);
    }

    private static WorkloadFacts with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(stopped())).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String situation, WorkloadFacts facts, Class<? extends WorkloadStep> type, String says) {
        WorkloadStep step = WorkloadStepPlanner.next(facts);

        assertThat(step).isInstanceOf(type);
        assertThat(step.message()).contains("operation sales-upgrade-1 of StatefulSet eltm/eltm", says);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("nothing recorded yet", with(b -> b.recorded(null).spec(3).pods(3, 3)), RecordReplicas.class,
                        "recording 3 replicas"),
                row("a StatefulSet at zero replicas is refused", with(b -> b.recorded(null).spec(0)), Finish.class,
                        "has 0 replicas"),
                row("recorded, pods running", with(b -> b.spec(3).pods(3, 3)), ScaleDown.class, "scaling to 0 (stop)"),
                row("scaled down, pods terminating", with(b -> b.pods(2, 0)), Wait.class, "waiting for 2 pod(s)"),
                row("pods gone", stopped(), StartJob.class, "starting the upgrade Job"),
                row("upgrade Job running", with(b -> b.upgrade(JobFacts.RUNNING)), Wait.class, "the upgrade Job runs"),
                row("upgrade Job succeeded", with(b -> b.upgrade(JobFacts.ended(0))), ScaleUp.class,
                        "scaling back to 3 replicas (start)"),
                row("scaled up, pods starting", with(b -> b.upgrade(JobFacts.ended(0)).spec(3).pods(3, 1).up(10)),
                        Wait.class, "1 of 3 pods Ready"),
                row("pods Ready", with(b -> b.upgrade(JobFacts.ended(0)).spec(3).pods(3, 3).up(10)), Verify.class,
                        "verifying the pods"),
                row("verified", with(b -> b.upgrade(JobFacts.ended(0)).spec(3).pods(3, 3).verified(SERVES_B)),
                        Finish.class, "serve the new release"),
                row("pods not Ready in time", with(b -> b.upgrade(JobFacts.ended(0)).spec(3).pods(3, 2).up(121)),
                        FailVerification.class, "2 of 3 pods Ready 121 s"),
                row("verification failed, pods running", with(b -> b.upgrade(JobFacts.ended(0)).spec(3).pods(3, 3)
                        .verified(SERVES_A)), ScaleDown.class, "verification failed"),
                row("verification failed, pods gone", with(b -> b.upgrade(JobFacts.ended(0)).verified(SERVES_A)),
                        StartJob.class, "starting the Job that rolls the volume back"),
                row("rollback Job running", with(b -> b.upgrade(JobFacts.ended(0)).verified(SERVES_A)
                        .rollback(JobFacts.RUNNING)), Wait.class, "the rollback Job runs"),
                row("rolled back", with(b -> b.upgrade(JobFacts.ended(0)).verified(SERVES_A).rollback(JobFacts.ended(0))),
                        ScaleUp.class, "after the rollback"),
                row("rolled back, pods Ready", with(b -> b.upgrade(JobFacts.ended(0)).verified(SERVES_A)
                        .rollback(JobFacts.ended(0)).spec(3).pods(3, 3)), Finish.class, "rolled back, the pods serve"),
                row("rollback Job failed", with(b -> b.upgrade(JobFacts.ended(0)).verified(SERVES_A)
                        .rollback(JobFacts.ended(5))), Finish.class, "the rollback Job exited 5"),
                row("upgrade Job refused", with(b -> b.upgrade(JobFacts.ended(3))), ScaleUp.class, "(Refused)"),
                row("upgrade Job rolled back itself, pods Ready", with(b -> b.upgrade(JobFacts.ended(4)).spec(3)
                        .pods(3, 3)), Finish.class, "ended RolledBack"),
                row("upgrade Job rolled back, pods never Ready", with(b -> b.upgrade(JobFacts.ended(4)).spec(3)
                        .pods(3, 0).up(200)), Finish.class, "more than the 120 s allowed"),
                row("upgrade Job failed, not recovered", with(b -> b.upgrade(JobFacts.ended(5))), Finish.class,
                        "stays at 0 replicas"),
                row("upgrade Job killed", with(b -> b.upgrade(JobFacts.ended(137))), Finish.class,
                        "exited 137 (killed or broken)"));
    }

    private static Arguments row(String situation, WorkloadFacts facts, Class<? extends WorkloadStep> type, String says) {
        return arguments(situation, facts, type, says);
    }

    @Test
    void aSuccessfulUpgradeStopsRunsTheJobStartsVerifiesAndRestoresTheReplicaCount() {
        List<String> steps = play(new Builder(stopped()).recorded(null).spec(3).pods(3, 3), SERVES_B, 0);

        assertThat(steps).containsExactly("RecordReplicas", "ScaleDown", "StartJob", "ScaleUp 3", "Verify",
                "Finish Succeeded");
    }

    @Test
    void podsThatDoNotServeTheNewReleaseAreStoppedRolledBackAndStartedAgain() {
        List<String> steps = play(new Builder(stopped()).recorded(null).spec(2).pods(2, 2), SERVES_A, 0);

        assertThat(steps).containsExactly("RecordReplicas", "ScaleDown", "StartJob", "ScaleUp 2", "Verify",
                "ScaleDown", "StartJob rollback", "ScaleUp 2", "Finish RolledBack");
    }

    @Test
    void aJobThatRolledBackItselfBringsThePodsBackWithoutVerifyingOrASecondJob() {
        List<String> steps = play(new Builder(stopped()).recorded(null).spec(1).pods(1, 1), SERVES_B, 4);

        assertThat(steps).containsExactly("RecordReplicas", "ScaleDown", "StartJob", "ScaleUp 1", "Finish RolledBack");
    }

    /** Acts each step on the facts as the operator and the cluster would, until the operation finishes. */
    private static List<String> play(Builder world, Verification verification, int upgradeExit) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WorkloadStep step = WorkloadStepPlanner.next(world.build());
            if (step instanceof Finish f) {
                steps.add("Finish " + f.phase());
                return steps;
            } else if (step instanceof RecordReplicas r) {
                world.recorded(r.replicas());
                steps.add("RecordReplicas");
            } else if (step instanceof ScaleDown) {
                world.spec(0).pods(0, 0);
                steps.add("ScaleDown");
            } else if (step instanceof StartJob j) {
                if (j.rollback()) {
                    world.rollback(JobFacts.ended(0));
                } else {
                    world.upgrade(JobFacts.ended(upgradeExit));
                }
                steps.add(j.rollback() ? "StartJob rollback" : "StartJob");
            } else if (step instanceof ScaleUp u) {
                world.spec(u.replicas()).pods(u.replicas(), u.replicas()).up(0);
                steps.add("ScaleUp " + u.replicas());
            } else if (step instanceof Verify) {
                world.verified(verification);
                steps.add("Verify");
            } else {
                throw new AssertionError("unexpected " + step);
            }
        }
        throw new AssertionError("no end after 20 steps: " + steps);
    }

    /** Facts changed one field at a time. */
    private static final class Builder {
        private Integer recorded;
        private int spec;
        private int pods;
        private int ready;
        private JobFacts upgrade;
        private JobFacts rollback;
        private Verification verified;
        private Instant scaledUpAt;

        Builder(WorkloadFacts f) {
            recorded = f.recordedReplicas();
            spec = f.specReplicas();
            pods = f.pods();
            ready = f.readyPods();
            upgrade = f.upgradeJob();
            rollback = f.rollbackJob();
            verified = f.verified();
            scaledUpAt = f.scaledUpAt();
        }

        Builder recorded(Integer replicas) {
            recorded = replicas;
            return this;
        }

        Builder spec(int replicas) {
            spec = replicas;
            return this;
        }

        Builder pods(int existing, int readyOnes) {
            pods = existing;
            ready = readyOnes;
            return this;
        }

        Builder upgrade(JobFacts job) {
            upgrade = job;
            return this;
        }

        Builder rollback(JobFacts job) {
            rollback = job;
            return this;
        }

        Builder verified(Verification verification) {
            verified = verification;
            return this;
        }

        /** Scaled back up {@code seconds} before now. */
        Builder up(long seconds) {
            scaledUpAt = NOW.minusSeconds(seconds);
            return this;
        }

        WorkloadFacts build() {
            return new WorkloadFacts("sales-upgrade-1", "eltm/eltm", recorded, spec, pods, ready, upgrade, rollback,
                    verified, scaledUpAt, READY_TIMEOUT, NOW);
        }
    }
}
