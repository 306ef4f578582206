package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperationStatus;

/** Writes one {@code EltmOperation}'s status to the API server; throws when the server cannot be reached. */
@FunctionalInterface
interface StatusPatch {

    void write(EltmOperationStatus status);
}
