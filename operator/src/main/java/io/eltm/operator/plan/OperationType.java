package io.eltm.operator.plan;

/** {@code EltmOperation.spec.type} (contract §8). */
public enum OperationType {
    UPGRADE("upgrade"),
    ROLLBACK("rollback"),
    CHECK("check");

    private final String wireName;

    OperationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
