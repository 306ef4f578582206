package io.eltm.shim.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A byte-for-byte picture of files (sha256 and mode per path), to prove what an operation kept or changed. */
final class InstallTree {

    private InstallTree() {
    }

    /** Every file under {@code root} except the DB's data files and the tool's own state. */
    static Map<String, String> files(Path root) {
        return files(root, rel -> !rel.startsWith("server/pgsql/data/") && !rel.startsWith("transient/eltm-shim/"));
    }

    /** The release's files and everything else the operation must leave or swap whole: all but the DB, the tool's state and the service logs. */
    static Map<String, String> installFiles(Path root) {
        return files(root, rel -> !rel.startsWith("server/pgsql/data/") && !rel.startsWith("transient/")
                && !SERVICE_LOGS.contains(rel));
    }

    static Map<String, String> files(Path root, Predicate<String> include) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String rel = root.relativize(p).toString();
                if (include.test(rel)) {
                    out.put(rel, sha256(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p,
                            LinkOption.NOFOLLOW_LINKS)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The preserved part of the tree (contract §1, left column) outside the DB, less the two logs the
     * running services append to (compared as append-only by the tests that need it).
     */
    static Map<String, String> preserved(Path root) {
        return files(root, rel -> (rel.startsWith("data/") || rel.startsWith("tools/") || rel.equals("server/keystore.jks")
                || rel.startsWith("transient/staging") || rel.equals("server/engine/engine.properties"))
                && !SERVICE_LOGS.contains(rel));
    }

    static final java.util.Set<String> SERVICE_LOGS = java.util.Set.of("data/log/meta-service.log",
            "data/log/postgresql.log");

    private static String sha256(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link:" + Files.readSymbolicLink(p);
        }
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
