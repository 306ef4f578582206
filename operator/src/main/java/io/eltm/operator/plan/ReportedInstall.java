package io.eltm.operator.plan;

import java.time.Instant;
import java.util.List;

/**
 * What the host's agent reports for one install directory (its {@code EltmHost} status {@code installs[]}, or an
 * operation's final {@code status --json}): the release that runs, its schema and its health.
 *
 * @param schemaPending migrations shipped but not applied; empty when the schema is current
 * @param operationInProgress the shim on the host is in the middle of an upgrade or rollback right now
 */
public record ReportedInstall(String version, Instant builtAt, String gitSha, String schemaCurrent,
                              List<String> schemaPending, boolean healthy, boolean operationInProgress) {

    public ReportedInstall {
        schemaPending = schemaPending == null ? List.of() : List.copyOf(schemaPending);
    }

    public boolean hasPendingMigrations() {
        return !schemaPending.isEmpty();
    }
}
