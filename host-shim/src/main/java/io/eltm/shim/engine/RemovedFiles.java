package io.eltm.shim.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Files an upgrade takes away: those in the install's replaced paths that the new release does not
 * ship, such as a JDBC driver an admin added to {@code library/JDBC/} or a site script in {@code bin/}.
 * The swap moves them, with the rest of the old release, into the release cache; {@code check} and the
 * upgrade list them so that nobody loses one silently.
 */
public final class RemovedFiles {

    /** How the listing is labelled wherever it is shown. */
    public static final String LABEL = "will be removed (kept in the release cache)";

    private RemovedFiles() {
    }

    /** Relative paths, sorted, of the non-directories under the installed units that {@code ships} does not name. */
    public static List<String> of(Path installDir, List<SwapUnit> units, Predicate<String> ships) throws IOException {
        List<String> removed = new ArrayList<>();
        for (SwapUnit unit : units) {
            Path root = installDir.resolve(unit.path());
            if (!unit.hadOld() || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(root)) {
                tree.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> installDir.relativize(p).toString())
                        .filter(rel -> !ships.test(rel))
                        .forEach(removed::add);
            }
        }
        removed.sort(null);
        return removed;
    }

    /** "a, b and 3 more": at most {@code shown} names, for one progress line. */
    public static String summary(List<String> removed, int shown) {
        String listed = String.join(", ", removed.subList(0, Math.min(shown, removed.size())));
        return removed.size() <= shown ? listed : listed + " and " + (removed.size() - shown) + " more";
    }
}
