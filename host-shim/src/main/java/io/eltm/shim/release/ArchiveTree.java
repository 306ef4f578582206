package io.eltm.shim.release;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tree a release's entries build, kept as the archive is read, so that no entry can be written,
 * linked or resolved outside it however its links are combined (contract §4):
 * <ul>
 *   <li>every component above an entry must be a directory of the archive (or not declared yet, then it
 *       becomes one): nothing is ever written beneath a symlink or a file;</li>
 *   <li>a path is declared once; only a directory may be declared again, and only as a directory;</li>
 *   <li>a symlink's target is resolved as the kernel would, component by component from the link's
 *       directory, following the symlinks the extraction writes, {@code ..} physically; it must never
 *       step above the root. All symlinks are resolved again once the archive ends, since a later link
 *       can change where an earlier one leads;</li>
 *   <li>a hard link may only point at an earlier regular file (link(2) does not follow symlinks).</li>
 * </ul>
 * Paths are relative to the install root, '/'-separated, already checked for absolute names and {@code ..}.
 */
final class ArchiveTree {

    /** The kernel's MAXSYMLINKS: links followed while resolving one path. */
    static final int MAX_LINKS_FOLLOWED = 40;

    private enum Kind { DIRECTORY, FILE, SYMLINK }

    private final TarballRefusals refusals;
    private final Map<String, Kind> kinds = new HashMap<>();
    /** Symlinks that the extraction writes (in replaced paths): the ones resolution follows. Entry name → target. */
    private final Map<String, String> writtenLinks = new HashMap<>();
    private final Map<String, String> linkEntryNames = new LinkedHashMap<>();

    ArchiveTree(TarballRefusals refusals) {
        this.refusals = refusals;
    }

    void directory(String entryName, String path) {
        if (path.isEmpty()) {
            return;
        }
        requireParents(entryName, path);
        Kind existing = kinds.putIfAbsent(path, Kind.DIRECTORY);
        if (existing != null && existing != Kind.DIRECTORY) {
            throw refusals.entry(entryName, "declares '" + path + "' a directory, but an earlier entry made it a "
                    + describe(existing) + "; a release declares each path once");
        }
    }

    void file(String entryName, String path) {
        declare(entryName, path, Kind.FILE);
    }

    /** @param written whether the extraction writes this link (it lies in a replaced path) */
    void symlink(String entryName, String path, String target, boolean written) {
        declare(entryName, path, Kind.SYMLINK);
        if (written) {
            writtenLinks.put(path, target);
            linkEntryNames.put(path, entryName);
        }
        requireInside(entryName, path, target);
    }

    void hardLink(String entryName, String path, String target) {
        if (kinds.get(target) != Kind.FILE) {
            throw refusals.entry(entryName, "is a hard link to '" + target + "', which is not an earlier regular file "
                    + "of the archive (a hard link may only point at a file, never at a symlink or directory)");
        }
        declare(entryName, path, Kind.FILE);
    }

    /** Once the archive has ended: every link written must still resolve inside, now that all links are known. */
    void checkLinks() {
        writtenLinks.forEach((path, target) -> requireInside(linkEntryNames.get(path), path, target));
    }

    private void declare(String entryName, String path, Kind kind) {
        requireParents(entryName, path);
        Kind existing = kinds.putIfAbsent(path, kind);
        if (existing != null) {
            throw refusals.entry(entryName, "declares '" + path + "' again (as a " + describe(kind) + "), but an "
                    + "earlier entry already made it a " + describe(existing) + "; a release declares each path once");
        }
    }

    private void requireParents(String entryName, String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            Kind kind = kinds.putIfAbsent(parent, Kind.DIRECTORY);
            if (kind == Kind.SYMLINK) {
                throw refusals.entry(entryName, "lies beneath the symlink '" + parent
                        + "' of the same archive, so it would be written wherever that link points");
            }
            if (kind == Kind.FILE) {
                throw refusals.entry(entryName, "lies beneath '" + parent + "', which the archive declares as a file");
            }
        }
    }

    private void requireInside(String entryName, String path, String target) {
        if (target.isEmpty() || target.startsWith("/")) {
            throw leaves(entryName, target);
        }
        Deque<String> from = new ArrayDeque<>();
        String[] components = path.split("/");
        for (int i = 0; i < components.length - 1; i++) {
            from.addLast(components[i]);
        }
        if (resolve(entryName, from, target, new int[] {MAX_LINKS_FOLLOWED}) == null) {
            throw leaves(entryName, target);
        }
    }

    /**
     * Walks {@code target} from the directory {@code at} (changed in place); returns where it ends, or
     * {@code null} when a step leaves the tree, or climbs with '..' out of a directory the archive does not
     * declare. Components the archive does not write are taken literally.
     */
    private Deque<String> resolve(String entryName, Deque<String> at, String target, int[] linksLeft) {
        if (target.startsWith("/")) {
            return null;
        }
        for (String component : target.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                // '..' is only taken physically where the archive itself made the directory: above a path it
                // does not declare (the install's own server/pgsql/data may be a symlink elsewhere) it is unknown
                if (at.isEmpty() || kinds.get(String.join("/", at)) != Kind.DIRECTORY) {
                    return null;
                }
                at.removeLast();
                continue;
            }
            at.addLast(component);
            String link = writtenLinks.get(String.join("/", at));
            if (link != null) {
                if (--linksLeft[0] < 0) {
                    throw refusals.entry(entryName, "is a symlink to '" + target + "', which only resolves through "
                            + "more than " + MAX_LINKS_FOLLOWED + " symlinks (a loop); a release has no such links");
                }
                at.removeLast();
                if (resolve(entryName, at, link, linksLeft) == null) {
                    return null;
                }
            }
        }
        return at;
    }

    private io.eltm.shim.RefusedException leaves(String entryName, String target) {
        return refusals.entry(entryName, "is a symlink to '" + target + "', which leaves the release tree when "
                + "resolved as the kernel would (through the archive's own links, '..' taken physically, and only "
                + "out of directories the archive declares)");
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case DIRECTORY -> "directory";
            case FILE -> "file";
            case SYMLINK -> "symlink";
        };
    }
}
