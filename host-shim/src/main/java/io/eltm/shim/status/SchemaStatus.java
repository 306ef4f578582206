package io.eltm.shim.status;

import java.util.List;

/**
 * The audit DB's migration state.
 *
 * @param current the newest applied migration version, or {@code null} when none is recorded
 * @param pending versions the installed release ships that the DB has not applied
 * @param error   why the state could not be read (DB down), or null
 */
public record SchemaStatus(String current, List<String> pending, String error) {
    public SchemaStatus {
        pending = List.copyOf(pending);
    }
}
