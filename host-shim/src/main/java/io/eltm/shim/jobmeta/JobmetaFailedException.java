package io.eltm.shim.jobmeta;

import io.eltm.shim.ExitCode;

/**
 * A cutover step failed after it began changing things. {@link #exitCode()} says what state it left:
 * {@link ExitCode#ROLLED_BACK} (the target is exactly as before and its services run again) or
 * {@link ExitCode#FAILED} (a person must act; the message says what to do).
 */
public class JobmetaFailedException extends RuntimeException {

    private final ExitCode exitCode;

    public JobmetaFailedException(String message, ExitCode exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
