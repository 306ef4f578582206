package io.eltm.shim.db;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration files a release ships in {@code server/pgsql.factory/migrations/} (contract §5):
 * {@code V<version>__<description>.sql} to apply, {@code U<version>__<description>.sql} to undo.
 */
public record MigrationScripts(Map<MigrationVersion, Path> apply, Map<MigrationVersion, Path> undo) {

    /** Relative location of the migrations inside a release tree. */
    public static final String LOCATION = "server/pgsql.factory/migrations";

    private static final Pattern NAME = Pattern.compile("([VU])([0-9][0-9._]*)__.+\\.sql");

    public static MigrationScripts none() {
        return new MigrationScripts(new TreeMap<>(), new TreeMap<>());
    }

    /** Reads the migrations of a release tree (an install or a staging dir); none when it ships none. */
    public static MigrationScripts of(Path releaseRoot) {
        Path dir = releaseRoot.resolve(LOCATION);
        if (!Files.isDirectory(dir)) {
            return none();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return fromNames(files.toList(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("while listing migrations in " + dir, e);
        }
    }

    /** From file names alone (as a tarball lists them): paths are resolved against {@code dir}. */
    public static MigrationScripts fromNames(Collection<Path> files, Path dir) {
        Map<MigrationVersion, Path> apply = new TreeMap<>();
        Map<MigrationVersion, Path> undo = new TreeMap<>();
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (m.matches()) {
                MigrationVersion v = MigrationVersion.fromVersion(m.group(2).replace('_', '.'));
                (m.group(1).equals("V") ? apply : undo).put(v, dir.resolve(f.getFileName()));
            }
        }
        return new MigrationScripts(apply, undo);
    }
}
