package io.eltm.operator.plan;

import java.time.Instant;
import java.util.List;

/**
 * What the host's agent reports for one install directory (its {@code EltmHost} status {@code installs[]}, or an
 * operation's final {@code status --json}): the release that runs, its schema and its health, and which moment it
 * reflects.
 *
 * @param schemaPending migrations shipped but not applied; empty when the schema is current
 * @param operationInProgress the shim on the host is in the middle of an upgrade or rollback right now
 * @param observedAt when the agent read the install (the host's clock); null when not reported
 * @param lastOperationUid the uid of the last operation the install's journal had finished when it was read
 */
public record ReportedInstall(String version, Instant builtAt, String gitSha, String schemaCurrent,
                              List<String> schemaPending, boolean healthy, boolean operationInProgress,
                              Instant observedAt, String lastOperationUid) {

    public ReportedInstall {
        schemaPending = schemaPending == null ? List.of() : List.copyOf(schemaPending);
    }

    public boolean hasPendingMigrations() {
        return !schemaPending.isEmpty();
    }

    /**
     * True when this report may be trusted after {@code ended}: it was read after the operation's end (both times are
     * the host's clock), or the journal it read already records that operation. Without an ended operation (or one
     * whose end is unknown) every report is trusted.
     */
    public boolean reflects(InstallationFacts.EndedOperation ended) {
        if (ended == null || ended.uid() == null || ended.finishedAt() == null) {
            return true;
        }
        return ended.uid().equals(lastOperationUid) || observedAt != null && observedAt.isAfter(ended.finishedAt());
    }
}
