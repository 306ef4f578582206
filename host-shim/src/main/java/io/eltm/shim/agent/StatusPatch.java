package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperationStatus;

/**
 * Writes one {@code EltmOperation}'s status to the API server, with the operation's uid as a precondition;
 * throws {@link OperationGone} when that operation no longer exists (404, or 409: another object now has its
 * name), any other exception when the server cannot be reached.
 */
@FunctionalInterface
interface StatusPatch {

    void write(EltmOperationStatus status);

    /** The operation this agent works for was deleted, or deleted and re-created under its name. */
    final class OperationGone extends RuntimeException {
        OperationGone(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
