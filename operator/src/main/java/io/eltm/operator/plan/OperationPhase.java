package io.eltm.operator.plan;

/** {@code EltmOperation.status.phase}, written by the executing agent (contract §8). */
public enum OperationPhase {
    PENDING("Pending"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    REFUSED("Refused"),
    ROLLED_BACK("RolledBack"),
    FAILED("Failed");

    private final String wireName;

    OperationPhase(String wireName) {
        this.wireName = wireName;
    }

    /** The name as written in the resource, for example {@code RolledBack}. */
    public String wireName() {
        return wireName;
    }

    /** Not finished yet: the operator follows it. */
    public boolean isActive() {
        return this == PENDING || this == RUNNING;
    }

    /** Finished without reaching the target version. */
    public boolean isFailure() {
        return this == REFUSED || this == ROLLED_BACK || this == FAILED;
    }

    /** @throws IllegalArgumentException naming the text when it is not one of the phases */
    public static OperationPhase fromWireName(String text) {
        for (OperationPhase phase : values()) {
            if (phase.wireName.equals(text)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an operation phase: expected one of "
                + "Pending, Running, Succeeded, Refused, RolledBack, Failed");
    }
}
