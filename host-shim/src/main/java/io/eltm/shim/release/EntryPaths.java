package io.eltm.shim.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Turns archive entry names into paths relative to the install root (contract §4): refuses absolute
 * names, {@code ..} components and names longer than the kernel's PATH_MAX, and strips the one
 * top-level directory when the archive has one. The layout is decided from the first entry: a first
 * component that is not an install-root name is the top directory. Where entries may go relative to
 * each other (links, directories, duplicates) is {@link ArchiveTree}'s job.
 */
final class EntryPaths {

    static final Set<String> INSTALL_ROOT_NAMES =
            Set.of("VERSION", "bin", "server", "library", "data", "tools", "transient");

    /** Linux's PATH_MAX: no name or link target of a release is longer. */
    static final int MAX_NAME_BYTES = 4096;

    private final TarballRefusals refusals;
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
        requireShort(entryName, entryName, "name");
        String[] components = components(entryName, entryName);
        if (components.length == 0) {
            return "";
        }
        if (topDirectory == null) {
            boolean looksLikeTopDirectory = !INSTALL_ROOT_NAMES.contains(components[0])
                    && (components.length > 1 || isDirectory);
            topDirectory = looksLikeTopDirectory ? components[0] : "";
        }
        return stripTopDirectory(entryName, components);
    }

    /** A symlink's target as stored: checked for length only (resolving it is {@link ArchiveTree}'s job). */
    String symlinkTarget(String entryName, String target) {
        requireShort(entryName, target, "link target");
        return target;
    }

    /** The hard link's target as a path relative to the install root. */
    String hardLinkTarget(String entryName, String linkName) {
        requireShort(entryName, linkName, "link target");
        if (linkName.startsWith("/")) {
            throw refusals.entry(entryName, "is a hard link to '" + linkName + "', which leaves the release tree");
        }
        return stripTopDirectory(entryName, components(entryName, linkName));
    }

    private void requireShort(String entryName, String name, String what) {
        if (name.length() > MAX_NAME_BYTES / 4 && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw refusals.entry(shorten(entryName), "has a " + what + " longer than " + MAX_NAME_BYTES
                    + " bytes, which no file system here accepts");
        }
    }

    private static String shorten(String name) {
        return name.length() <= 200 ? name : name.substring(0, 200) + "...";
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
}
