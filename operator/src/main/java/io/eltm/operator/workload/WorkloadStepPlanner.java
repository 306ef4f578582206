package io.eltm.operator.workload;

import io.eltm.operator.workload.WorkloadFacts.JobFacts;
import io.eltm.operator.workload.WorkloadStep.FailVerification;
import io.eltm.operator.workload.WorkloadStep.Finish;
import io.eltm.operator.workload.WorkloadStep.RecordReplicas;
import io.eltm.operator.workload.WorkloadStep.ScaleDown;
import io.eltm.operator.workload.WorkloadStep.ScaleUp;
import io.eltm.operator.workload.WorkloadStep.StartJob;
import io.eltm.operator.workload.WorkloadStep.Verify;
import io.eltm.operator.workload.WorkloadStep.Wait;
import java.time.Duration;

/**
 * The upgrade of a workload, decided one step at a time from {@link WorkloadFacts} (gather, decide, act):
 * record the replica count, scale to zero, run the engine in a Job on the volume, scale back, wait for Ready,
 * verify; when the pods do not serve the new release, scale to zero again, roll the volume back with a second
 * Job and scale back. Pure: the same facts give the same step, so a restarted operator resumes where the last
 * one was. See docs/pods.md.
 */
public final class WorkloadStepPlanner {

    private WorkloadStepPlanner() {
    }

    public static WorkloadStep next(WorkloadFacts facts) {
        String who = "operation " + facts.operation() + " of StatefulSet " + facts.statefulSet();
        if (facts.recordedReplicas() == null) {
            if (facts.specReplicas() == 0) {
                return new Finish("Refused", who + ": the StatefulSet has 0 replicas, so nothing serves that an upgrade"
                        + " could verify; nothing was changed: scale it up, then apply the version again");
            }
            return new RecordReplicas(facts.specReplicas(), who + ": recording " + facts.specReplicas()
                    + " replicas to restore after the upgrade");
        }
        if (facts.verified() != null && !facts.verified().passed()) {
            return rollBack(facts, who);
        }
        JobFacts job = facts.upgradeJob();
        return switch (job.state()) {
            case ABSENT -> stopThen(facts, who, new StartJob(false, who + ": starting the upgrade Job on the volume"));
            case RUNNING -> new Wait(who + ": the upgrade Job runs");
            case ENDED -> afterUpgradeJob(facts, who, job.exitCode());
        };
    }

    private static WorkloadStep afterUpgradeJob(WorkloadFacts facts, String who, int exit) {
        String outcome = switch (exit) {
            case 0 -> "Succeeded";
            case 3 -> "Refused";
            case 4 -> "RolledBack";
            default -> null;
        };
        if (outcome == null) {
            return new Finish("Failed", who + ": the upgrade Job exited " + exit + (exit == 5 ? " (failed and not "
                    + "recovered)" : " (killed or broken)") + "; the StatefulSet stays at 0 replicas so that no pod "
                    + "starts on an install in an unknown state: read the Job's log; the next eltm-shim command on the "
                    + "volume finishes or reverts an interrupted upgrade from its journal (docs/upgrade.md)");
        }
        WorkloadStep started = startAndAwait(facts, who, "after the upgrade Job (" + outcome + ")");
        if (started != null) {
            return started;
        }
        if (!"Succeeded".equals(outcome)) {
            return new Finish(outcome, who + ": the upgrade Job ended " + outcome + "; the pods serve the previous "
                    + "release again (" + facts.readyPods() + " Ready)");
        }
        if (facts.verified() == null) {
            return new Verify(who + ": verifying the pods through the Service");
        }
        return new Finish("Succeeded", who + ": the pods serve the new release (" + facts.verified().detail() + ")");
    }

    private static WorkloadStep rollBack(WorkloadFacts facts, String who) {
        String why = "verification failed (" + facts.verified().detail() + ")";
        JobFacts job = facts.rollbackJob();
        return switch (job.state()) {
            case ABSENT -> stopThen(facts, who + ", " + why, new StartJob(true, who + ": " + why
                    + "; starting the Job that rolls the volume back"));
            case RUNNING -> new Wait(who + ": " + why + "; the rollback Job runs");
            case ENDED -> {
                if (job.exitCode() != 0) {
                    yield new Finish("Failed", who + ": " + why + ", and the rollback Job exited " + job.exitCode()
                            + "; the StatefulSet stays at 0 replicas: read the Job's log and follow the rollback "
                            + "runbook (docs/upgrade.md)");
                }
                WorkloadStep started = startAndAwait(facts, who, "after the rollback");
                yield started != null ? started : new Finish("RolledBack", who + ": " + why
                        + "; rolled back, the pods serve the previous release again");
            }
        };
    }

    /** Scales to zero and waits until the pods are gone, then {@code then}. */
    private static WorkloadStep stopThen(WorkloadFacts facts, String who, WorkloadStep then) {
        if (facts.specReplicas() > 0) {
            return new ScaleDown(who + ": scaling to 0 (stop)");
        }
        if (facts.pods() > 0) {
            return new Wait(who + ": waiting for " + facts.pods() + " pod(s) to stop");
        }
        return then;
    }

    /** Scales back to the recorded count and waits for Ready; null once all are Ready. */
    private static WorkloadStep startAndAwait(WorkloadFacts facts, String who, String when) {
        int wanted = facts.recordedReplicas();
        if (facts.specReplicas() != wanted) {
            return new ScaleUp(wanted, who + ": scaling back to " + wanted + " replicas (start) " + when);
        }
        if (facts.readyPods() >= wanted) {
            return null;
        }
        Duration waited = facts.scaledUpAt() == null ? Duration.ZERO
                : Duration.between(facts.scaledUpAt(), facts.now());
        if (waited.compareTo(facts.readyTimeout()) <= 0) {
            return new Wait(who + ": " + facts.readyPods() + " of " + wanted + " pods Ready " + when);
        }
        String detail = facts.readyPods() + " of " + wanted + " pods Ready " + waited.toSeconds() + " s " + when
                + ", more than the " + facts.readyTimeout().toSeconds() + " s allowed";
        if (facts.verified() == null && facts.upgradeJob().exitCode() != null && facts.upgradeJob().exitCode() == 0) {
            return new FailVerification(detail, who + ": " + detail + "; rolling back");
        }
        return new Finish("Failed", who + ": " + detail + "; the StatefulSet keeps its replicas: see its pods' events "
                + "and logs");
    }
}
