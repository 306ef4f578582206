package io.eltm.operator.plan;

import java.time.Duration;

/** The policy an operation runs under, copied from the installation's {@code spec.policy} when it is created. */
public record OperationOptions(boolean allowDowngrade, boolean autoRollback, Duration healthTimeout) {
}
