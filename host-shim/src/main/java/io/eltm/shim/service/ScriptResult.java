package io.eltm.shim.service;

/** How one service script ended; {@code output} is its stdout and stderr, trimmed to the tail. */
public record ScriptResult(String script, int exitCode, String output) {
    public boolean ok() {
        return exitCode == 0;
    }
}
