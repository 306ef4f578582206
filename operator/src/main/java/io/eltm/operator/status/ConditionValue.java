package io.eltm.operator.status;

/** What a condition should say now, before it is merged with the previous one (which owns the transition time). */
record ConditionValue(String type, String status, String reason, String message) {

    static ConditionValue of(String type, boolean value, String reason, String message) {
        return new ConditionValue(type, value ? ConditionView.TRUE : ConditionView.FALSE, reason, message);
    }

    static ConditionValue unknown(String type, String reason, String message) {
        return new ConditionValue(type, ConditionView.UNKNOWN, reason, message);
    }

    /** The previous condition's say, carried over unchanged, or {@code fallback} when there is none. */
    static ConditionValue keep(ConditionView previous, ConditionValue fallback) {
        return previous == null ? fallback
                : new ConditionValue(previous.type(), previous.status(), previous.reason(), previous.message());
    }
}
