package io.eltm.operator.status;

/** {@code status.phase}: one word for humans ({@code kubectl get eltm}); conditions hold the detail. */
public enum Phase {
    PENDING("Pending"),
    UPGRADING("Upgrading"),
    READY("Ready"),
    DEGRADED("Degraded"),
    PAUSED("Paused"),
    HOST_DISCONNECTED("HostDisconnected");

    private final String displayName;

    Phase(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
