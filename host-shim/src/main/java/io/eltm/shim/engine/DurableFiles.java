package io.eltm.shim.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The file operations a power cut must not undo: a rename is atomic, and durable once both parent
 * directories are fsynced; a staged tree is durable once every file and directory in it is fsynced.
 * Every rename passes the {@link CrashPoints#RENAME} crash point.
 */
public final class DurableFiles {

    private final CrashPoints crashPoints;

    public DurableFiles(CrashPoints crashPoints) {
        this.crashPoints = crashPoints;
    }

    /** Renames {@code from} to {@code to} (same filesystem, atomic) and syncs both parent directories. */
    public void move(Path from, Path to) throws IOException {
        createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(to.getParent());
        if (!from.getParent().equals(to.getParent())) {
            fsyncDirectory(from.getParent());
        }
        crashPoints.reached(CrashPoints.RENAME);
    }

    /** Creates {@code dir} and its missing parents, each created entry synced into its parent. */
    public static void createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        Files.createDirectories(dir);
        for (Path p : missing) {
            fsyncDirectory(p.getParent());
        }
    }

    /**
     * Flushes every regular file and directory under {@code root} (links are not followed) and
     * {@code root}'s own entry in its parent: after this, a power cut cannot empty or drop any of it.
     */
    public static void syncTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    fsync(p);
                }
            }
        }
        fsyncDirectory(root.toAbsolutePath().getParent());
    }

    public static void fsyncDirectory(Path dir) throws IOException {
        fsync(dir);
    }

    // A release may ship files its owner cannot read (mode 000): readable for the fsync, then as shipped.
    private static void fsync(Path p) throws IOException {
        try {
            force(p);
        } catch (AccessDeniedException e) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> readable = EnumSet.noneOf(PosixFilePermission.class);
            readable.addAll(mode);
            readable.add(PosixFilePermission.OWNER_READ);
            Files.setPosixFilePermissions(p, readable);
            try {
                force(p);
            } finally {
                Files.setPosixFilePermissions(p, mode);
            }
        }
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
