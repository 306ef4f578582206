package io.eltm.shim.status;

/**
 * {@code status --json}, and the last line of {@code upgrade --json} / {@code rollback --json}
 * (contract §6). The host agent reports the same record for each install.
 *
 * @param operationInProgress true while another process holds this install's upgrade lock
 */
public record InstallStatus(
        String installDir,
        String version,
        String builtAt,
        String gitSha,
        boolean healthy,
        SchemaStatus schema,
        LastOperation lastOperation,
        boolean operationInProgress) {
}
