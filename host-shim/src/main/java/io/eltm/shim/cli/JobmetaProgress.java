package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.JobmetaStepListener;

import java.io.PrintWriter;
import java.time.Duration;

/** Prints each step as it ends, on the error stream so that stdout stays the result (and the JSON line). */
final class JobmetaProgress implements JobmetaStepListener {

    private final PrintWriter err;

    JobmetaProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(String step) {
    }

    @Override
    public void finished(String step, Duration duration, String detail) {
        err.printf("[%s] %d ms: %s%n", step, duration.toMillis(), detail);
        err.flush();
    }
}
