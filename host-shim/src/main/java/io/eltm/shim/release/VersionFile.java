package io.eltm.shim.release;

import io.eltm.api.ReleaseVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code VERSION} file of a release or an install (contract §4): {@code KEY=value} lines with
 * {@code VERSION}, {@code BUILT_AT} and {@code GIT_SHA}. Only {@code VERSION} is required; a missing
 * {@code BUILT_AT} or {@code GIT_SHA} reads as an empty string.
 */
public record VersionFile(ReleaseVersion version, String builtAt, String gitSha) {

    public VersionFile {
        builtAt = builtAt == null ? "" : builtAt;
        gitSha = gitSha == null ? "" : gitSha;
    }

    /** Reads {@code file}; @throws IllegalArgumentException naming the file when its content is invalid */
    public static VersionFile read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses the content of a VERSION file; {@code source} names it in errors (a path or a tarball entry).
     *
     * @throws IllegalArgumentException naming {@code source} when there is no valid {@code VERSION=} line
     */
    public static VersionFile parse(String content, String source) {
        Map<String, String> values = new HashMap<>();
        for (String line : content.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
            }
        }
        String version = values.get("VERSION");
        if (version == null || version.isEmpty()) {
            throw new IllegalArgumentException(source + " has no VERSION= line: a release's VERSION file must "
                    + "contain VERSION=<x.y.z>, BUILT_AT=<instant> and GIT_SHA=<commit>");
        }
        try {
            return new VersionFile(ReleaseVersion.parse(version), values.get("BUILT_AT"), values.get("GIT_SHA"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The file's content in the contract's format. */
    public String format() {
        return "VERSION=" + version + "\nBUILT_AT=" + builtAt + "\nGIT_SHA=" + gitSha + "\n";
    }

    // Build scripts sometimes write KEY="value"; the quotes are not part of the value.
    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
