package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.shim.ExitCode;
import io.eltm.shim.status.InstallStatus;
import io.eltm.shim.status.LastOperation;

import java.time.Instant;

/**
 * How one operation ended, as the agent writes it to the {@code EltmOperation} status.
 *
 * @param result         {@code Succeeded}, {@code Refused}, {@code RolledBack} or {@code Failed}
 * @param downtimeMillis null if services never stopped
 * @param message        the engine's message; empty when there is nothing to add
 * @param install        the install's status at the end, or null if it could not be read
 */
record OperationOutcome(String result, Instant finishedAt, Long downtimeMillis, String message,
                        InstallStatus install) {

    static OperationOutcome of(LastOperation op, InstallStatus install) {
        return new OperationOutcome(op.result(), op.finishedAt(), op.downtimeMillis(), op.message(), install);
    }

    static OperationOutcome refused(String message, Instant now, InstallStatus install) {
        return new OperationOutcome(OperationPhase.Refused.name(), now, null, message, install);
    }

    static OperationOutcome failed(String message, Instant now, InstallStatus install) {
        return new OperationOutcome(OperationPhase.Failed.name(), now, null, message, install);
    }

    /** The terminal phase; an unknown result is treated as {@code Failed}, the one a person must look at. */
    OperationPhase phase() {
        return switch (result) {
            case "Succeeded" -> OperationPhase.Succeeded;
            case "Refused" -> OperationPhase.Refused;
            case "RolledBack" -> OperationPhase.RolledBack;
            default -> OperationPhase.Failed;
        };
    }

    /** The contract's exit code (§6) for this result: what {@code eltm-shim upgrade} would have exited with. */
    int exitCode() {
        return switch (phase()) {
            case Succeeded -> ExitCode.DONE.code();
            case Refused -> ExitCode.REFUSED.code();
            case RolledBack -> ExitCode.ROLLED_BACK.code();
            default -> ExitCode.FAILED.code();
        };
    }
}
