package io.eltm.shim.agent;

import org.slf4j.Logger;

/**
 * Logs a failing periodic call (API server unreachable, or refusing: a missing EltmHost, a Lease
 * conflict) once when it starts failing and once when it works again, not on every attempt between.
 */
final class PeriodicFailureLog {

    private final Logger log;
    private final String what;
    private int failures;

    PeriodicFailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    synchronized void succeeded() {
        if (failures > 0) {
            log.info("{}: works again after {} failed attempts", what, failures);
        }
        failures = 0;
    }

    synchronized void failed(RuntimeException e) {
        if (failures++ == 0) {
            log.warn("{}: failed, will keep trying every period until it works: {}", what, describe(e));
        }
    }

    /** The client's message and its root cause's ("... failed: Connection refused"), which says what happened. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
        return root == e ? message : message + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
