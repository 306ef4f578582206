package io.eltm.shim.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One Flyway migration a sample release ships as {@code V<version>__<description>.sql}, with its
 * optional undo script {@code U<version>__<description>.sql} (contract §5). Loaded from
 * {@code src/main/resources/kit/migrations/}, so every release that ships version N ships the very
 * same bytes (Flyway checksums stay valid across upgrades).
 */
public record SampleMigration(int version, String description, String sql, Optional<String> undoSql) {

    /** Loads {@code kit/migrations/V<version>__<description>.sql} and, when present, its {@code U} twin. */
    public static SampleMigration load(int version, String description) {
        String stem = version + "__" + description + ".sql";
        String sql = resource("V" + stem)
                .orElseThrow(() -> new IllegalArgumentException("no kit migration kit/migrations/V" + stem));
        return new SampleMigration(version, description, sql, resource("U" + stem));
    }

    public String fileName() {
        return "V" + version + "__" + description + ".sql";
    }

    public String undoFileName() {
        return "U" + version + "__" + description + ".sql";
    }

    /** The same migration without its undo script (for releases that cannot be downgraded). */
    public SampleMigration withoutUndo() {
        return new SampleMigration(version, description, sql, Optional.empty());
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = SampleMigration.class.getResourceAsStream("/kit/migrations/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading kit/migrations/" + name + " from the classpath", e);
        }
    }
}
