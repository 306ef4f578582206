package io.eltm.shim.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.Deflater;

/**
 * Valid jar files of a given size whose bytes compress about like real jars: mostly incompressible
 * (real jars hold deflated classes) with some repeated text. Deterministic per name and size, and
 * fast: random bytes are sliced from one pool instead of generated per file.
 */
final class FillerJars {

    private static final int POOL_SIZE = 4 << 20;
    private static final int BLOCK = 16 << 10;
    /** Share of blocks that are repeated text rather than random bytes (~15 %, like a jar's gzip gain). */
    private static final int TEXT_BLOCKS_PER_100 = 15;
    static final long ENTRY_TIME = 1_767_225_600_000L; // 2026-01-01T00:00:00Z: entries never depend on the clock

    private final byte[] pool = new byte[POOL_SIZE];

    FillerJars() {
        new SplittableRandom(0xE17A5EEDL).nextBytes(pool);
    }

    /** A jar named {@code name} (its content derives from the name) of about {@code size} bytes. */
    byte[] jar(String name, long size) {
        SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + size);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(size + 4096, Integer.MAX_VALUE - 8));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, name);
        try (JarOutputStream jar = MetaServiceJar.openJar(bytes, manifest)) {
            // stored blocks: the jar's payload stays as (in)compressible as real deflated class files
            jar.setLevel(Deflater.NO_COMPRESSION);
            JarEntry entry = new JarEntry("eltm/filler/" + name.replace(".jar", "") + ".bin");
            entry.setTime(ENTRY_TIME);
            jar.putNextEntry(entry);
            long remaining = Math.max(0, size - 400);
            byte[] text = ("org/eltm/engine/step/" + name + "$Step.class Lorg/eltm/engine/api/Context; ")
                    .repeat(BLOCK / 64).getBytes(StandardCharsets.US_ASCII);
            while (remaining > 0) {
                int length = (int) Math.min(BLOCK, remaining);
                if (random.nextInt(100) < TEXT_BLOCKS_PER_100) {
                    jar.write(text, 0, Math.min(length, text.length));
                    length = Math.min(length, text.length);
                } else {
                    jar.write(pool, random.nextInt(POOL_SIZE - BLOCK), length);
                }
                remaining -= length;
            }
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing filler jar " + name + " in memory", e);
        }
        return bytes.toByteArray();
    }
}
