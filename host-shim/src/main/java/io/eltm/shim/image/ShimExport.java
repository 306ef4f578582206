package io.eltm.shim.image;

import io.eltm.shim.RefusedException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies the running shim (its Java runtime and class path) into a directory, with a launcher
 * {@code DIR/eltm-shim}, so that an upgrade Job runs it inside another image: the workload's own, which
 * holds the install's scripts, bash and PostgreSQL binaries (docs/pods.md). An init container of the
 * shim image exports into an {@code emptyDir} the Job's main container mounts.
 */
public final class ShimExport {

    public static final String LAUNCHER = "eltm-shim";
    private static final String MAIN_CLASS = "io.eltm.shim.cli.EltmShim";

    private ShimExport() {
    }

    /** What was copied: the launcher, and how many files. */
    public record Exported(Path launcher, long files) {
    }

    /**
     * @param target an empty or absent directory
     * @throws RefusedException when {@code target} holds files already
     */
    public static Exported into(Path target, Path javaHome, List<Path> classPath) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new RefusedException("cannot export the shim into " + target + ": it is not empty; give an "
                            + "empty directory (an emptyDir volume)");
                }
            }
        }
        Files.createDirectories(target);
        long files = copyTree(javaHome, target.resolve("java"));
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < classPath.size(); i++) {
            Path source = classPath.get(i);
            if (!Files.exists(source)) {
                continue; // a class path entry that names nothing (a wildcard's empty directory) adds nothing
            }
            Path copy = target.resolve("classpath").resolve(i + "-" + source.getFileName());
            files += copyTree(source, copy);
            entries.add("$here/classpath/" + copy.getFileName());
        }
        Path launcher = target.resolve(LAUNCHER);
        Files.writeString(launcher, """
                #!/bin/bash
                # eltm-shim exported from its image (eltm-shim image export): the shim's own Java runtime and classes.
                # Plain bash only: the image it runs in may have no dirname.
                case "${BASH_SOURCE[0]}" in */*) here=${BASH_SOURCE[0]%%/*} ;; *) here=. ;; esac
                # UTF-8 output whatever the locale: an image rarely has locale files, and Job logs are UTF-8
                exec "$here/java/bin/java" -XX:-UsePerfData -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 \\
                  -cp "%s" %s "$@"
                """.formatted(String.join(":", entries), MAIN_CLASS));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Exported(launcher, files + 1);
    }

    /** The running JVM's class path, each wildcard entry ({@code dir/*}) expanded to its jars. */
    public static List<Path> runningClassPath() throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith("/*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 2));
                try (Stream<Path> jars = Files.list(dir)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(paths::add);
                }
            } else if (!entry.isEmpty()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    private static long copyTree(Path source, Path target) throws IOException {
        long[] count = {0};
        // links followed: a distribution's JDK links its conf/ into /etc; a dangling link (src.zip) names nothing to copy
        try (Stream<Path> walk = Files.walk(source, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else if (Files.exists(path)) {
                    Files.createDirectories(to.getParent());
                    Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
                    count[0]++;
                }
            }
        }
        return count[0];
    }
}
