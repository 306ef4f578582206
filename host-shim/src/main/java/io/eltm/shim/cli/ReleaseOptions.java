package io.eltm.shim.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Locale;

/** How the release is checked and which DB changes are allowed: shared by {@code check} and {@code upgrade}. */
public final class ReleaseOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected SHA-256 of the tarball (64 hex digits).")
    String sha256;

    @Option(names = "--allow-downgrade", description = "Allow an older release; undoes its newer migrations with U scripts.")
    boolean allowDowngrade;

    @Option(names = "--baseline", paramLabel = "VERSION",
            description = "For a DB without schema_version: the last migration it already matches.")
    String baseline;

    /** The normalised checksum, or null; a malformed one is a usage error (exit 2). */
    String sha256() {
        if (sha256 == null) {
            return null;
        }
        String hex = sha256.strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new ParameterException(spec.commandLine(), "--sha256 must be 64 hexadecimal digits, got '" + sha256 + "'");
        }
        return hex;
    }
}
