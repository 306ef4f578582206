package io.eltm.shim.demo;

import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Finds the sample kit for {@code eltm-shim demo}: {@code eltm-shim-kit.jar} in the directory of the
 * running {@code eltm-shim.jar}, which the build writes there and production hosts do not get.
 */
public final class DemoKits {

    public static final String JAR_NAME = "eltm-shim-kit.jar";

    private DemoKits() {
    }

    /** @throws RefusedException when the kit is not next to this jar, naming where it was looked for */
    public static DemoKit nextToThisJar() {
        Path jar = kitJar();
        if (!Files.isRegularFile(jar)) {
            throw new RefusedException("eltm-shim demo needs the sample kit " + jar + ", which is not there: production "
                    + "hosts do not carry it; build it with ./mvnw -q -DskipTests package (it is written next to "
                    + "host-shim/target/eltm-shim.jar)");
        }
        try {
            // never closed: the demo's classes are in use until the process ends
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, DemoKits.class.getClassLoader());
            return ServiceLoader.load(DemoKit.class, loader).findFirst().orElseThrow(() -> new RefusedException(
                    jar + " holds no sample kit (no META-INF/services/" + DemoKit.class.getName() + "): rebuild it "
                            + "with ./mvnw -q -DskipTests package"));
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("cannot load the sample kit " + jar, e);
        }
    }

    private static Path kitJar() {
        try {
            Path self = Path.of(DemoKits.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self.getParent().resolve(JAR_NAME); // target/ for target/eltm-shim.jar and target/classes alike
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot tell where eltm-shim.jar is: " + e.getMessage(), e));
        }
    }
}
