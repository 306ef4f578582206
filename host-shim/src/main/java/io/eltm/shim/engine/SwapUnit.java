package io.eltm.shim.engine;

/**
 * One path swapped as a whole by rename (a replaced directory, or one {@code server/engine/*.jar}).
 *
 * @param path   relative to the install root
 * @param hadOld the running release has it (moved aside into the backup)
 * @param hasNew the new release has it (moved in from staging)
 */
public record SwapUnit(String path, boolean hadOld, boolean hasNew) {
}
