package io.eltm.operator.plan;

/** The reasons a {@link Decision} can carry: stable CamelCase constants, used in conditions and Events. */
public final class Reasons {

    // Wait
    public static final String UP_TO_DATE = "UpToDate";
    public static final String PAUSED = "Paused";
    public static final String AWAITING_HOST_REPORT = "AwaitingHostReport";
    public static final String HOST_BUSY = "HostBusy";
    public static final String INSTALL_UNHEALTHY = "InstallUnhealthy";
    public static final String MIGRATIONS_PENDING = "MigrationsPending";
    public static final String AWAITING_SPEC_CHANGE = "AwaitingSpecChange";
    public static final String REPORT_PREDATES_OPERATION = "ReportPredatesOperation";
    public static final String RETRY_BACKOFF = "RetryBackoff";
    // HostDisconnected
    public static final String LEASE_MISSING = "LeaseMissing";
    public static final String LEASE_EXPIRED = "LeaseExpired";
    // StartOperation
    public static final String UPGRADE_REQUESTED = "UpgradeRequested";
    public static final String DOWNGRADE_REQUESTED = "DowngradeRequested";
    public static final String OPERATION_RECREATED = "OperationRecreated";
    // Follow
    public static final String OPERATION_PENDING = "OperationPending";
    public static final String OPERATION_RUNNING = "OperationRunning";
    // Complete
    public static final String UPGRADE_SUCCEEDED = "UpgradeSucceeded";
    // Fail
    public static final String UPGRADE_REFUSED = "UpgradeRefused";
    public static final String UPGRADE_ROLLED_BACK = "UpgradeRolledBack";
    public static final String UPGRADE_FAILED = "UpgradeFailed";
    public static final String OPERATION_LOST = "OperationLost";
    public static final String OPERATION_CREATE_FAILED = "OperationCreateFailed";
    public static final String OPERATION_NAME_TAKEN = "OperationNameTaken";
    // Refuse
    public static final String DOWNGRADE_NOT_ALLOWED = "DowngradeNotAllowed";
    public static final String RELEASE_URL_NOT_FOR_VERSION = "ReleaseUrlNotForVersion";
    public static final String INVALID_VERSION = "InvalidVersion";
    public static final String WORKLOAD_NOT_SUPPORTED = "WorkloadTargetNotSupported";
    public static final String NAMESPACE_NOT_ALLOWED = "NamespaceNotAllowed";
    public static final String INSTALL_DIR_CLAIMED = "InstallDirClaimed";

    private Reasons() {
    }
}
