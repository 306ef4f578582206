package io.eltm.shim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the swap's renames need, checked while services still run (preflight and {@code check}), so
 * that a swap never starts that cannot finish: staging, the backup, the release cache and every
 * replaced path on the install's filesystem (rename(2) is atomic only there), no replaced path a
 * mount point, and every directory a rename writes to writable, including each replaced directory
 * itself (moving a directory to another parent rewrites its {@code ..}). The shared {@link Preflight}
 * asks it, for {@code eltm-shim check} and the upgrade's preflight alike; a violation is a refusal.
 */
public final class RenamePreconditions {

    private RenamePreconditions() {
    }

    /**
     * @param stagingDir where the new release is (or will be) staged; need not exist yet
     * @param backupDir  where the old release's paths go; need not exist yet
     * @return every path that breaks a precondition and what to do; empty when every rename can happen
     */
    public static List<String> problems(Path installDir, Path stagingDir, Path backupDir, Path releaseCache,
            List<SwapUnit> units) {
        List<String> problems = new ArrayList<>();
        Object device = realDevice(installDir);
        Map<String, Path> places = new LinkedHashMap<>();
        places.put("staging", stagingDir);
        places.put("the backup of the old release", backupDir);
        places.put("the release cache", releaseCache);
        places.forEach((what, dir) -> {
            Path existing = nearestExisting(dir);
            if (!realDevice(existing).equals(device)) {
                problems.add(what + " " + dir + " is on another filesystem than " + installDir + " (" + existing
                        + "): keep transient/eltm-shim/ on the install's filesystem, not a link or mount elsewhere");
            }
        });
        for (SwapUnit u : units) {
            Path installed = installDir.resolve(u.path());
            if (u.hadOld()) {
                renamable(installed, device, problems);
            } else {
                writable(nearestExisting(installed.getParent()), installed, problems);
            }
            Path staged = stagingDir.resolve(u.path());
            if (u.hasNew() && Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
                renamable(staged, device, problems);
            }
        }
        return problems;
    }

    private static void renamable(Path p, Object device, List<String> problems) {
        if (!device(p).equals(device)) {
            problems.add(p + " is a mount point or on another filesystem: a rename cannot move it; unmount it or "
                    + "move its content into the install");
        }
        writable(p.getParent(), p, problems);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(p)) {
            problems.add("the directory " + p + " is not writable (a rename to another directory must update its ..): "
                    + "chmod u+w " + p);
        }
    }

    private static void writable(Path dir, Path forRenameOf, List<String> problems) {
        if (!Files.isWritable(dir)) {
            problems.add("the directory " + dir + " is not writable, so " + forRenameOf + " cannot be renamed: chmod u+w "
                    + dir);
        }
    }

    private static Path nearestExisting(Path p) {
        Path q = p.toAbsolutePath();
        while (!Files.exists(q, LinkOption.NOFOLLOW_LINKS)) {
            q = q.getParent();
        }
        return q;
    }

    // The device of where files under p really land (links followed).
    private static Object realDevice(Path p) {
        try {
            return Files.getAttribute(p.toRealPath(), "unix:dev");
        } catch (IOException e) {
            throw new UncheckedIOException("while reading the filesystem of " + p, e);
        }
    }

    // The device the entry itself lives on (a symlink's own device, not its target's: a rename moves the link).
    private static Object device(Path p) {
        try {
            Path parentResolved = p.getParent() == null ? p : p.getParent().toRealPath().resolve(p.getFileName());
            return Files.getAttribute(parentResolved, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("while reading the filesystem of " + p, e);
        }
    }
}
