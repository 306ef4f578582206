package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.release.ReplacedPaths;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample install of release A with a picture of everything a user keeps, and the one check of the
 * crash harness: after recovery the install is wholly on A or wholly on the target, never a mix.
 */
final class OneRelease implements AutoCloseable {

    private final SampleInstall install;
    private final ReleaseSpec a;
    private final Map<String, Map<String, String>> replacedFiles;
    private final AuditDb db;
    private final Map<String, String> preserved;
    private final Map<String, String> keptFiles;
    private final Map<String, List<String>> columns;
    private final Map<String, List<String>> rows;
    private String version;

    /** @param replacedFiles the replaced paths' files by release version, shared by every sandbox */
    OneRelease(SampleInstall install, ReleaseSpec a, Map<String, Map<String, String>> replacedFiles) {
        this.install = install;
        this.a = a;
        this.replacedFiles = replacedFiles;
        this.db = new AuditDb(install);
        this.preserved = InstallTree.preserved(install.installDir());
        this.keptFiles = releaseFiles(false);
        this.columns = db.userColumns();
        this.rows = db.userRows(columns);
        this.version = a.version();
        replacedFiles.putIfAbsent(a.version(), releaseFiles(true));
    }

    SampleInstall install() {
        return install;
    }

    CrashedShim crashed() {
        return new CrashedShim(install);
    }

    boolean onA() {
        return a.version().equals(version);
    }

    /**
     * Runs {@code command} (which recovers first) and checks the install is wholly on A (the operation
     * rolled back or refused) or wholly on {@code target} (it succeeded).
     */
    void assertRecoveredOnOneRelease(ReleaseSpec target, String... command) {
        version = null; // unknown until every check passed: a failed check gets the next crash a fresh install
        ShimCli.Run run = crashed().cli().run(command);
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode json = run.lastJson();
        String observed = json.get("version").asText();
        assertThat(observed).as(run.toString()).isIn(a.version(), target.version());
        ReleaseSpec on = observed.equals(a.version()) ? a : target;
        String result = json.at("/lastOperation/result").asText();
        assertThat(result).as(run.toString()).isIn(on == a ? List.of("RolledBack", "Refused") : List.of("Succeeded"));
        assertThat(json.get("healthy").asBoolean()).as(run.toString()).isTrue();
        assertThat(install.healthResponse().body()).contains("VERSION=" + on.version(), "GIT_SHA=" + on.gitSha());
        assertThat(db.appliedVersions()).as("schema_version on %s", on.version())
                .isEqualTo(IntStream.rangeClosed(1, on.latestMigration()).mapToObj(Integer::toString).toList());
        assertThat(db.userRows(columns)).as("the audit DB's rows").isEqualTo(rows);
        assertThat(db.strings("SELECT datname FROM pg_database WHERE datname LIKE '%eltm_snapshot%'")).isEmpty();
        assertThat(InstallTree.preserved(install.installDir())).isEqualTo(preserved);
        assertThat(releaseFiles(false)).as("files outside the replaced paths").isEqualTo(keptFiles);
        replacedFiles.putIfAbsent(on.version(), releaseFiles(true));
        assertThat(releaseFiles(true)).as("the replaced paths hold exactly %s", on.version())
                .isEqualTo(replacedFiles.get(on.version()));
        Path tool = install.installDir().resolve("transient/eltm-shim");
        assertThat(tool.resolve("journal.json")).doesNotExist();
        if (Files.exists(tool.resolve("ops"))) {
            assertThat(InstallTree.files(tool.resolve("ops"), rel -> true)).as("leftovers of the operation").isEmpty();
        }
        version = observed;
    }

    /** A test moved the install on without the check: the next replay needs a fresh install. */
    void forgetRelease() {
        version = null;
    }

    void assertOn(String expected) {
        assertThat(version).isEqualTo(expected);
    }

    private Map<String, String> releaseFiles(boolean replaced) {
        Map<String, String> files = new TreeMap<>(InstallTree.installFiles(install.installDir()));
        files.keySet().removeIf(rel -> ReplacedPaths.isReplaced(rel) != replaced);
        return files;
    }

    @Override
    public void close() {
        install.close();
    }
}
