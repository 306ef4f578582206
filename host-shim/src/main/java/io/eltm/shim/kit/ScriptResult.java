package io.eltm.shim.kit;

/** How one of the install's service scripts ended: its exit code and its stdout and stderr, merged. */
public record ScriptResult(String script, int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
