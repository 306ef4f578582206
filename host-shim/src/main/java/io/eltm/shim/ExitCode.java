package io.eltm.shim;

/** The process exit codes of contract §6; users' scripts test these numbers. */
public enum ExitCode {
    /** The command did what was asked. */
    DONE(0),
    /** The command line was wrong. */
    USAGE(2),
    /** Refused before any change: install and services untouched. */
    REFUSED(3),
    /** Failed and rolled back: the previous release runs again, DB as before. */
    ROLLED_BACK(4),
    /** Failed and not recovered: the message says what a person must do. */
    FAILED(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
