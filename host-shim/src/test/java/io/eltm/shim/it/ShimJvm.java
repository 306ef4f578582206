package io.eltm.shim.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * JVM options for the shim commands the ITs start. Such a JVM spends most of its 1.6 s loading and
 * compiling classes; a class-data archive of the shim's classes and C1 alone bring a {@code status} to
 * about 0.8 s, which the crash harness, with hundreds of commands, needs. The archive belongs to one build
 * of the jar and is written by the first command that exits 0 (a refusal loads too few classes to be worth
 * keeping). These options change how fast the
 * JVM starts, not what the shim does (customers run plain {@code java -jar}); JVM warnings go to stderr,
 * so stdout stays the shim's own.
 */
final class ShimJvm {

    /** The options of one command, and the archive it writes at its exit, if it is the one that does. */
    record Options(List<String> args, Optional<Path> writes) {
    }

    private static final List<String> COMMON = List.of("-XX:TieredStopAtLevel=1", "-Xlog:disable",
            "-Xlog:all=warning:stderr");
    private static boolean writing;

    private ShimJvm() {
    }

    /** @param toItsEnd whether the caller waits for the command's exit (a killed JVM writes no archive) */
    static synchronized Options options(Path jar, boolean toItsEnd) {
        Path archive = archive(jar);
        if (Files.isRegularFile(archive)) {
            return new Options(concat("-XX:SharedArchiveFile=" + archive), Optional.empty());
        }
        if (!toItsEnd || writing) {
            return new Options(COMMON, Optional.empty());
        }
        writing = true;
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        return new Options(concat("-XX:ArchiveClassesAtExit=" + partial), Optional.of(partial));
    }

    /** After a command ended: if it wrote the archive and succeeded, the next commands use it. */
    static synchronized void ended(Options options, Path jar, int exit) {
        options.writes().ifPresent(partial -> {
            writing = false;
            try {
                if (exit == 0 && Files.isRegularFile(partial) && Files.size(partial) > 0) {
                    Files.move(partial, archive(jar), StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("while keeping the class-data archive " + partial, e);
            }
        });
    }

    private static List<String> concat(String option) {
        return Stream.concat(Stream.of(option), COMMON.stream()).toList();
    }

    private static Path archive(Path jar) {
        try {
            String build = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            return jar.resolveSibling(jar.getFileName().toString().replace(".jar", "") + "-" + build + ".jsa");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + ": build it with ./mvnw -pl host-shim package", e);
        }
    }
}
