package io.eltm.shim.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The "replaced" column of contract §1 as data: what an upgrade takes from a release and swaps as a
 * whole. Everything else (the "preserved" column and anything not named) is never written.
 * Paths are relative, '/'-separated, without a trailing slash.
 */
public final class ReplacedPaths {

    /** Paths replaced as a whole, one swap unit each. */
    public static final List<String> WHOLE = List.of(
            "bin", "library/JDBC", "server/webserver/admin", "server/utils", "server/pgsql.factory", "VERSION");

    /** The directory whose top-level {@code *.jar} files and {@code lib/} are replaced; its other files are kept. */
    public static final String ENGINE = "server/engine";

    public static final String ENGINE_LIB = ENGINE + "/lib";

    public static final String MIGRATIONS = "server/pgsql.factory/migrations";

    private ReplacedPaths() {
    }

    /** Whether the relative entry path (for example {@code server/engine/app.jar}) is taken on upgrade. */
    public static boolean isReplaced(String path) {
        for (String whole : WHOLE) {
            if (isAtOrUnder(path, whole)) {
                return true;
            }
        }
        if (isAtOrUnder(path, ENGINE_LIB)) {
            return true;
        }
        return isEngineJar(path);
    }

    /** The swap unit that holds {@code path}, or {@code null} when the path is not replaced. */
    public static String swapUnitOf(String path) {
        for (String whole : WHOLE) {
            if (isAtOrUnder(path, whole)) {
                return whole;
            }
        }
        if (isAtOrUnder(path, ENGINE_LIB)) {
            return ENGINE_LIB;
        }
        return isEngineJar(path) ? path : null;
    }

    /**
     * The swap units present in {@code root} (a staged release or an install), sorted: each path of
     * {@link #WHOLE} that exists, {@code server/engine/lib}, and each top-level {@code server/engine/*.jar}.
     * The engine swaps the union of the staged and the installed units, so dropped jars go away.
     */
    public static List<Path> swapUnits(Path root) throws IOException {
        List<Path> units = new ArrayList<>();
        for (String whole : WHOLE) {
            addIfPresent(root, whole, units);
        }
        addIfPresent(root, ENGINE_LIB, units);
        Path engine = root.resolve(ENGINE);
        if (Files.isDirectory(engine, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(engine)) {
                children.filter(child -> child.getFileName().toString().endsWith(".jar"))
                        .filter(child -> !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS))
                        .forEach(child -> units.add(root.relativize(child)));
            }
        }
        units.sort(null);
        return units;
    }

    private static void addIfPresent(Path root, String relative, List<Path> units) {
        if (Files.exists(root.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
            units.add(Path.of(relative));
        }
    }

    private static boolean isEngineJar(String path) {
        return path.startsWith(ENGINE + "/") && path.endsWith(".jar")
                && path.indexOf('/', ENGINE.length() + 1) < 0;
    }

    private static boolean isAtOrUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }
}
