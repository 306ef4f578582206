package io.eltm.operator.workload;

/**
 * The next thing the operator does for a workload operation, as {@link WorkloadStepPlanner} decides it. Each
 * carries a message naming the operation, the StatefulSet and the act. The step names the operation's status
 * shows are those of a VM where they mean the same (docs/pods.md): {@code stop}, {@code start}, {@code verify};
 * the engine's own steps come from the Job.
 */
public sealed interface WorkloadStep {

    String message();

    /** Writes the StatefulSet's replica count into the operation's status, before anything is touched. */
    record RecordReplicas(int replicas, String message) implements WorkloadStep {
    }

    /** {@code stop}: scales the StatefulSet to zero. */
    record ScaleDown(String message) implements WorkloadStep {
    }

    /** Nothing to do until something changes: pods going away, a Job running, pods becoming Ready. */
    record Wait(String message) implements WorkloadStep {
    }

    /** Creates the upgrade Job (or, with {@code rollback}, the Job that rolls the volume back). */
    record StartJob(boolean rollback, String message) implements WorkloadStep {
    }

    /** {@code start}: scales the StatefulSet back to the recorded count. */
    record ScaleUp(int replicas, String message) implements WorkloadStep {
    }

    /** {@code verify}: the health URL through the Service and VERSION read back, the pods being Ready. */
    record Verify(String message) implements WorkloadStep {
    }

    /** Records a failed verification (the pods not Ready in time): from then on the operation rolls back. */
    record FailVerification(String detail, String message) implements WorkloadStep {
    }

    /** The operation ends with {@code phase} (a wire name of OperationPhase). */
    record Finish(String phase, String message) implements WorkloadStep {
    }
}
