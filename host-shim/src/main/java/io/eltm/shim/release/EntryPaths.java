package io.eltm.shim.release;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns archive entry names into safe paths relative to the install root (contract §4): refuses
 * absolute names, {@code ..} components, links leaving the tree and entries beneath a symlink of the
 * archive, and strips the one top-level directory when the archive has one. The layout is decided
 * from the first entry: a first component that is not an install-root name is the top directory.
 */
final class EntryPaths {

    static final Set<String> INSTALL_ROOT_NAMES =
            Set.of("VERSION", "bin", "server", "library", "data", "tools", "transient");

    private final TarballRefusals refusals;
    private final Set<String> symlinks = new HashSet<>();
    private final Set<String> nonDirectories = new HashSet<>();
    /** {@code null} until decided; empty when entries are rooted at the install root. */
    private String topDirectory;

    EntryPaths(TarballRefusals refusals) {
        this.refusals = refusals;
    }

    /**
     * The entry's path relative to the install root, '/'-separated; empty for the root itself (the
     * top-level directory entry or {@code ./}).
     */
    String relativePath(String entryName, boolean isDirectory) {
        String[] components = components(entryName, entryName);
        if (components.length == 0) {
            return "";
        }
        if (topDirectory == null) {
            boolean looksLikeTopDirectory = !INSTALL_ROOT_NAMES.contains(components[0])
                    && (components.length > 1 || isDirectory);
            topDirectory = looksLikeTopDirectory ? components[0] : "";
        }
        String path = stripTopDirectory(entryName, components);
        String blocking = symlinkAbove(path);
        if (blocking != null) {
            throw refusals.entry(entryName, "lies beneath the symlink '" + blocking
                    + "' of the same archive, so it would be written wherever that link points");
        }
        return path;
    }

    /** Checks a symlink's target stays in the tree (resolved from the link's directory) and records the link. */
    void checkSymlink(String entryName, String path, String target) {
        if (target.isEmpty() || target.startsWith("/")) {
            throw refusals.entry(entryName, "is a symlink to '" + target + "', which leaves the release tree");
        }
        Deque<String> resolved = new ArrayDeque<>();
        String[] linkComponents = path.split("/");
        for (int i = 0; i < linkComponents.length - 1; i++) {
            resolved.addLast(linkComponents[i]);
        }
        for (String component : target.split("/")) {
            if (component.equals("..")) {
                if (resolved.isEmpty()) {
                    throw refusals.entry(entryName, "is a symlink to '" + target
                            + "', which leaves the release tree");
                }
                resolved.removeLast();
            } else if (!component.isEmpty() && !component.equals(".")) {
                resolved.addLast(component);
            }
        }
        symlinks.add(path);
        nonDirectories.add(path);
    }

    /** The hard link's target as a path relative to the install root; it must be an earlier entry. */
    String hardLinkTarget(String entryName, String linkName) {
        if (linkName.startsWith("/")) {
            throw refusals.entry(entryName, "is a hard link to '" + linkName + "', which leaves the release tree");
        }
        String target = stripTopDirectory(entryName, components(entryName, linkName));
        if (!nonDirectories.contains(target)) {
            throw refusals.entry(entryName, "is a hard link to '" + linkName
                    + "', which is not an earlier file of the archive");
        }
        return target;
    }

    /** Records a file (or hard link) so later hard links may point at it. */
    void recordFile(String path) {
        nonDirectories.add(path);
        symlinks.remove(path);
    }

    private String[] components(String entryName, String name) {
        if (name.startsWith("/")) {
            throw refusals.entry(entryName, "has an absolute path; release entries must be relative to the install root");
        }
        Deque<String> kept = new ArrayDeque<>();
        for (String component : name.split("/")) {
            if (component.equals("..")) {
                throw refusals.entry(entryName, "has a '..' component, which could write outside the install tree");
            }
            if (!component.isEmpty() && !component.equals(".")) {
                kept.addLast(component);
            }
        }
        return kept.toArray(String[]::new);
    }

    private String stripTopDirectory(String entryName, String[] components) {
        int from = 0;
        if (!topDirectory.isEmpty()) {
            if (components.length == 0 || !components[0].equals(topDirectory)) {
                throw refusals.entry(entryName, "is not under the top-level directory '" + topDirectory
                        + "/'; a release has all its entries either under one top-level directory or rooted at "
                        + "the install root");
            }
            from = 1;
        }
        return String.join("/", java.util.Arrays.asList(components).subList(from, components.length));
    }

    private String symlinkAbove(String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (symlinks.contains(parent)) {
                return parent;
            }
        }
        return null;
    }
}
