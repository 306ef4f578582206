package io.eltm.shim.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, for messages: read from the kernel, never from DNS (which may hang or lie). */
final class HostName {

    private HostName() {
    }

    static String current() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
