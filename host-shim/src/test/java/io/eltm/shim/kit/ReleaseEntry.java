package io.eltm.shim.kit;

/**
 * One file of a sample release, by its path relative to the install root.
 *
 * @param path    relative path, {@code /}-separated
 * @param mode    POSIX permission bits (0755 for scripts, 0644 otherwise)
 * @param content the file's bytes
 */
record ReleaseEntry(String path, int mode, byte[] content) {

    static ReleaseEntry file(String path, byte[] content) {
        return new ReleaseEntry(path, 0644, content);
    }

    static ReleaseEntry script(String path, byte[] content) {
        return new ReleaseEntry(path, 0755, content);
    }
}
