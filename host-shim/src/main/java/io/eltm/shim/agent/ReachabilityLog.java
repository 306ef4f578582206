package io.eltm.shim.agent;

import org.slf4j.Logger;

/**
 * Logs an outage of the API server once when it starts and once when it ends, rather than on every
 * periodic attempt in between.
 */
final class ReachabilityLog {

    private final Logger log;
    private final String what;
    private int failures;

    ReachabilityLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    synchronized void succeeded() {
        if (failures > 0) {
            log.info("{}: API server reachable again after {} failed attempts", what, failures);
        }
        failures = 0;
    }

    synchronized void failed(RuntimeException e) {
        if (failures++ == 0) {
            log.warn("{}: API server unreachable, will keep trying: {}", what, describe(e));
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
