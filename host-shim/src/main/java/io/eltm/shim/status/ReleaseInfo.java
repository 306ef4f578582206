package io.eltm.shim.status;

/** What a {@code VERSION} file says: the canonical "what runs here" answer. */
public record ReleaseInfo(String version, String builtAt, String gitSha) {
}
