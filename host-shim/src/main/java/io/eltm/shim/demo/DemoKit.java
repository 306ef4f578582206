package io.eltm.shim.demo;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What {@code eltm-shim demo} needs from the sample kit: two sample releases and a working install of
 * the first. The kit (sample releases, a meta-service stand-in, PostgreSQL server binaries) is not part
 * of the jar that goes onto production hosts; it is {@code eltm-shim-kit.jar}, next to it, found by
 * {@link DemoKits}.
 */
public interface DemoKit {

    /** A throw-away install of the first sample release, services started; closing removes it all. */
    interface Sandbox extends AutoCloseable {

        /** The install's {@code ~/.env_integrator}, as the shim reads it. */
        Path envFile();

        /** The second sample release's tarball: what the demo upgrades to. */
        Path target();

        /** Stops the services, kills what survived, deletes the sandbox. */
        @Override
        void close();
    }

    /**
     * Builds both sample releases (cached after the first run) and installs the first into
     * {@code directory}; {@code say} gets a line for each slow part.
     */
    Sandbox install(Path directory, Consumer<String> say);
}
