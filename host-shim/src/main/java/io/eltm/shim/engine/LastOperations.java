package io.eltm.shim.engine;

import io.eltm.shim.status.LastOperation;

/** Folds a finished operation's state into the {@code lastOperation} record users read. */
public final class LastOperations {

    private LastOperations() {
    }

    public static LastOperation of(OperationState s) {
        return new LastOperation(s.id(), s.type(),
                s.from() == null ? null : s.from().version(),
                s.to() == null ? null : s.to().version(),
                s.result() == null ? null : s.result().name(),
                s.startedAt(), s.finishedAt(), s.downtimeMillis(), s.steps(), s.message());
    }
}
