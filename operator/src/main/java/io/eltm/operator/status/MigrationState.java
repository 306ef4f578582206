package io.eltm.operator.status;

/** {@code status.migrations.state}. */
public enum MigrationState {
    UP_TO_DATE("UpToDate"),
    PENDING("Pending"),
    MIGRATING("Migrating"),
    FAILED("Failed");

    private final String displayName;

    MigrationState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
