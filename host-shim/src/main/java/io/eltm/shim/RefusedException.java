package io.eltm.shim;

/**
 * Thrown when a command refuses to act before it changed anything (exit 3): bad or unsafe input,
 * version policy, root, missing environment, another upgrade running. The message names the
 * problem and what to do.
 */
public class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }

    public RefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
