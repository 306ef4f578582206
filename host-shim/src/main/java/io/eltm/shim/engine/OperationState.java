package io.eltm.shim.engine;

import io.eltm.shim.status.ReleaseInfo;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything an operation must remember to be finished or reverted by another process: the
 * journal's content. Steps fill it in as they go; {@link SwapJournal} persists it after every change.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OperationState {

    /** How an operation ended, as {@code lastOperation.result} spells it. */
    public enum Result { Succeeded, Refused, RolledBack, Failed }

    String id;
    String type;
    /** The host the operation runs on, for messages that travel (agent status, logs). */
    String host;
    String source;
    String sha256;
    /** The local tarball (upgrade) or cached release tree (rollback) being installed. */
    String releaseFile;
    /** True when the tool downloaded releaseFile itself (and so removes it when done). */
    boolean downloaded;
    OperationOptions options;
    Instant startedAt;
    Instant finishedAt;
    ReleaseInfo from;
    ReleaseInfo to;
    String stagingDir;
    String backupDir;
    List<SwapUnit> units = new ArrayList<>();
    /** Every rename of the swap and of its undo, in order, each appended before it is made. */
    List<RenameRecord> renames = new ArrayList<>();
    /** Migrations this operation applies (upgrade) or undoes (downgrade), in the order it does so. */
    List<String> migrations = new ArrayList<>();
    boolean downgrade;
    /** The version Flyway records as baseline of a DB that has no schema_version yet (--baseline), or null. */
    String schemaBaseline;
    String snapshotDatabase;
    Instant stopStartedAt;
    Instant healthyAt;
    /** True when the operation failed with --no-rollback: left as is until `rollback`. */
    boolean held;
    Result result;
    String message;
    List<StepRecord> steps = new ArrayList<>();

    OperationState() {
        // for Jackson
    }

    public OperationState(String id, String type, String host, String source, String sha256,
                          OperationOptions options, Instant startedAt, List<String> stepNames) {
        this.id = id;
        this.type = type;
        this.host = host;
        this.source = source;
        this.sha256 = sha256;
        this.options = options;
        this.startedAt = startedAt;
        stepNames.forEach(n -> steps.add(StepRecord.pending(n)));
    }

    public String id() { return id; }
    public String type() { return type; }
    public String host() { return host; }
    public String source() { return source; }
    public String sha256() { return sha256; }
    public OperationOptions options() { return options; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public ReleaseInfo from() { return from; }
    public ReleaseInfo to() { return to; }
    public String releaseFile() { return releaseFile; }
    public boolean downloaded() { return downloaded; }
    public String stagingDir() { return stagingDir; }
    public String backupDir() { return backupDir; }
    public List<SwapUnit> units() { return units; }
    public List<RenameRecord> renames() { return List.copyOf(renames); }
    public List<String> migrations() { return migrations; }
    public boolean downgrade() { return downgrade; }
    public String schemaBaseline() { return schemaBaseline; }
    /** True when the migrate step changes the DB: migrations to apply or undo, or a baseline to record. */
    public boolean changesSchema() { return !migrations.isEmpty() || schemaBaseline != null; }
    public String snapshotDatabase() { return snapshotDatabase; }
    public Instant healthyAt() { return healthyAt; }
    public boolean held() { return held; }
    public Result result() { return result; }
    public String message() { return message; }
    public List<StepRecord> steps() { return List.copyOf(steps); }

    public void from(ReleaseInfo from) { this.from = from; }
    public void to(ReleaseInfo to) { this.to = to; }
    public void releaseFile(String file, boolean downloaded) {
        this.releaseFile = file;
        this.downloaded = downloaded;
    }
    public void stagingDir(String dir) { this.stagingDir = dir; }
    public void backupDir(String dir) { this.backupDir = dir; }
    public void units(List<SwapUnit> units) { this.units = new ArrayList<>(units); }
    /** Appends a rename about to be made; returns its index. */
    public int renameIntended(RenameRecord rename) {
        renames.add(rename);
        return renames.size() - 1;
    }
    public void migrations(List<String> versions, boolean downgrade) {
        this.migrations = new ArrayList<>(versions);
        this.downgrade = downgrade;
    }
    public void schemaBaseline(String version) { this.schemaBaseline = version; }
    public void snapshotDatabase(String name) { this.snapshotDatabase = name; }
    public void stopStartedAt(Instant at) { this.stopStartedAt = at; }
    public void healthyAt(Instant at) { this.healthyAt = at; }
    public void held(boolean held) { this.held = held; }

    public void finish(Result result, String message, Instant at) {
        this.result = result;
        this.message = message;
        this.finishedAt = at;
    }

    /** Downtime as the contract measures it, or null while unknown. */
    public Long downtimeMillis() {
        if (stopStartedAt == null) {
            return null;
        }
        Instant end = healthyAt != null ? healthyAt : finishedAt;
        return end == null ? null : Math.max(0, end.toEpochMilli() - stopStartedAt.toEpochMilli());
    }

    public StepRecord step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step named " + name));
    }

    public void step(StepRecord updated) {
        steps.replaceAll(s -> s.name().equals(updated.name()) ? updated : s);
    }

    /** A short label for messages: "upgrade 8.4.1 → 8.4.2". */
    public String label() {
        return type + " " + (from == null ? "?" : from.version()) + " → " + (to == null ? "?" : to.version());
    }
}
