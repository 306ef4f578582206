package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;

/** Maps an operation's result to the contract's exit code. */
final class ExitCodes {

    private ExitCodes() {
    }

    static int of(String result) {
        return switch (result) {
            case "Succeeded" -> ExitCode.DONE.code();
            case "Refused" -> ExitCode.REFUSED.code();
            case "RolledBack" -> ExitCode.ROLLED_BACK.code();
            default -> ExitCode.FAILED.code();
        };
    }
}
