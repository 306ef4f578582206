package io.eltm.shim.kit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What one sample release {@code eltm-portable-<version>.tar.gz} holds. Everything in the tarball
 * follows from these fields, so the same spec always builds the same bytes.
 *
 * @param version        dotted version written to {@code VERSION}
 * @param builtAt        {@code BUILT_AT} and the mtime of every entry
 * @param migrations     the {@code V} scripts shipped, with their {@code U} undo scripts where present
 * @param engineLibJars  file names under {@code server/engine/lib/}
 * @param binFiles       extra files under {@code bin/} (besides install.sh and update-server.sh)
 * @param healthy        false: the meta-service answers 503 forever
 * @param padding        filler jars for benchmarks
 * @param topLevelDir    true: entries under {@code eltm-portable-<version>/}; false: rooted at the root
 */
public record ReleaseSpec(
        String version,
        Instant builtAt,
        List<SampleMigration> migrations,
        List<String> engineLibJars,
        List<String> binFiles,
        boolean healthy,
        Padding padding,
        boolean topLevelDir) {

    public ReleaseSpec {
        migrations = List.copyOf(migrations);
        engineLibJars = List.copyOf(engineLibJars);
        binFiles = List.copyOf(binFiles);
    }

    /** {@code GIT_SHA}: a stable 40-hex digest of the spec, so two different releases never share one. */
    public String gitSha() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }

    public String fileName() {
        return "eltm-portable-" + version + ".tar.gz";
    }

    /** The content of {@code VERSION} (contract §4). */
    public String versionFile() {
        return "VERSION=" + version + "\nBUILT_AT=" + builtAt + "\nGIT_SHA=" + gitSha() + "\n";
    }

    /** Highest migration version shipped, 0 when none. */
    public int latestMigration() {
        return migrations.stream().mapToInt(SampleMigration::version).max().orElse(0);
    }

    public ReleaseSpec withVersion(String newVersion) {
        return new ReleaseSpec(newVersion, builtAt, migrations, engineLibJars, binFiles, healthy, padding, topLevelDir);
    }

    public ReleaseSpec withMigrations(List<SampleMigration> newMigrations) {
        return new ReleaseSpec(version, builtAt, newMigrations, engineLibJars, binFiles, healthy, padding, topLevelDir);
    }

    /** The same release shipping no {@code U} scripts. */
    public ReleaseSpec withoutUndo() {
        return withMigrations(migrations.stream().map(SampleMigration::withoutUndo).toList());
    }

    public ReleaseSpec withHealthy(boolean newHealthy) {
        return new ReleaseSpec(version, builtAt, migrations, engineLibJars, binFiles, newHealthy, padding, topLevelDir);
    }

    public ReleaseSpec withPadding(Padding newPadding) {
        return new ReleaseSpec(version, builtAt, migrations, engineLibJars, binFiles, healthy, newPadding, topLevelDir);
    }

    /** Entries rooted at the install root instead of under {@code eltm-portable-<version>/}. */
    public ReleaseSpec rootedAtInstallRoot() {
        return new ReleaseSpec(version, builtAt, migrations, engineLibJars, binFiles, healthy, padding, false);
    }
}
