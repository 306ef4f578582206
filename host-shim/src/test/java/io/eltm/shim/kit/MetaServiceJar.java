package io.eltm.shim.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packages {@link MetaServiceStandIn}, from this classpath, as a release's runnable {@code eltm-meta-service.jar}. */
final class MetaServiceJar {

    private static final String CLASS_FILE = MetaServiceStandIn.class.getName().replace('.', '/') + ".class";

    private MetaServiceJar() {
    }

    static byte[] build(String version, boolean healthy) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MetaServiceStandIn.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = openJar(bytes, manifest);
             InputStream classFile = MetaServiceStandIn.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            if (classFile == null) {
                throw new IllegalStateException(CLASS_FILE + " is not on the classpath as a resource");
            }
            add(jar, CLASS_FILE, classFile.readAllBytes());
            add(jar, MetaServiceStandIn.SETTINGS_RESOURCE,
                    ("# read by the meta-service stand-in at start\nhealthy=" + healthy + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("packaging the meta-service stand-in in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A jar stream whose manifest entry, like every other entry, carries a fixed time: the
     * {@code JarOutputStream(out, manifest)} constructor would stamp it with the clock and make
     * two builds of one release differ.
     */
    static JarOutputStream openJar(ByteArrayOutputStream bytes, Manifest manifest) throws IOException {
        JarOutputStream jar = new JarOutputStream(bytes);
        JarEntry entry = new JarEntry(JarFile.MANIFEST_NAME);
        entry.setTime(FillerJars.ENTRY_TIME);
        jar.putNextEntry(entry);
        manifest.write(jar);
        jar.closeEntry();
        return jar;
    }

    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(FillerJars.ENTRY_TIME);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }
}
