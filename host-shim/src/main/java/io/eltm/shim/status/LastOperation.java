package io.eltm.shim.status;

import io.eltm.shim.engine.StepRecord;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last upgrade or rollback on this install (contract §6 {@code lastOperation}).
 *
 * @param result         {@code Succeeded}, {@code Refused}, {@code RolledBack} or {@code Failed}
 * @param downtimeMillis from the start of {@code mstop-all} to the first healthy probe; null if services never stopped
 * @param message        what went wrong and, for {@code Failed}, what a person must do
 */
public record LastOperation(
        String id,
        String type,
        String from,
        String to,
        String result,
        Instant startedAt,
        Instant finishedAt,
        Long downtimeMillis,
        List<StepRecord> steps,
        String message) {

    /** {@code upgrade 8.4.1 → 8.4.2} for messages; {@code ?} for a version not known (refused before it was read). */
    public String describe() {
        return type + " " + (from == null ? "?" : from) + " → " + (to == null ? "?" : to);
    }
}
