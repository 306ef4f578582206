package io.eltm.operator.workload;

import java.time.Duration;
import java.time.Instant;

/**
 * What the operator sees of one workload operation (an EltmOperation whose target is a StatefulSet), gathered
 * from the API before {@link WorkloadStepPlanner} decides; no I/O here.
 *
 * @param operation        the operation's name, for messages
 * @param statefulSet      {@code namespace/name} of the workload, for messages
 * @param recordedReplicas the replica count recorded in the operation's status before anything was touched;
 *                         null until recorded
 * @param specReplicas     the StatefulSet's {@code spec.replicas} now
 * @param pods             the workload's pods that exist (terminating included)
 * @param readyPods        of those, the Ready ones
 * @param upgradeJob       the Job running the engine on the volume
 * @param rollbackJob      the Job rolling back after the pods failed to serve the new release
 * @param verified         the verification of the pods once Ready: null until run
 * @param scaledUpAt       when the operator scaled the workload back up; null before
 * @param readyTimeout     how long the pods may take to be Ready after the scale-up
 * @param now              the operator's clock
 */
public record WorkloadFacts(
        String operation,
        String statefulSet,
        Integer recordedReplicas,
        int specReplicas,
        int pods,
        int readyPods,
        JobFacts upgradeJob,
        JobFacts rollbackJob,
        Verification verified,
        Instant scaledUpAt,
        Duration readyTimeout,
        Instant now) {

    /** A Job's state: absent, running, or ended with its container's exit code (the shim's, contract §6). */
    public record JobFacts(State state, Integer exitCode) {

        public enum State { ABSENT, RUNNING, ENDED }

        public static final JobFacts ABSENT = new JobFacts(State.ABSENT, null);
        public static final JobFacts RUNNING = new JobFacts(State.RUNNING, null);

        public static JobFacts ended(int exitCode) {
            return new JobFacts(State.ENDED, exitCode);
        }
    }

    /** The pods' verification: the health URL through the Service and VERSION read back. */
    public record Verification(boolean passed, String detail) {
    }
}
