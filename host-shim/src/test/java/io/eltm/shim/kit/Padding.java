package io.eltm.shim.kit;

/**
 * Extra filler jars a release carries to make it as heavy as a real one (benchmarks): {@code files}
 * jars totalling about {@code bytes}, spread over {@code server/engine/lib/} and {@code library/JDBC/}.
 */
public record Padding(int files, long bytes) {

    public static final Padding NONE = new Padding(0, 0);

    public Padding {
        if (files < 0 || bytes < 0 || (files == 0) != (bytes == 0)) {
            throw new IllegalArgumentException("padding needs files and bytes both zero or both positive, got "
                    + files + " files, " + bytes + " bytes");
        }
    }
}
