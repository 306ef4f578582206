package io.eltm.shim.engine;

import java.time.Duration;

/**
 * The user's choices for one operation (contract §6 flags).
 *
 * @param allowDowngrade {@code --allow-downgrade}
 * @param baseline       {@code --baseline V}: the migration an unversioned DB already matches, or null
 * @param noRollback     {@code --no-rollback}: on failure leave the install as it is for inspection
 * @param healthTimeout  how long the new release has to become healthy
 */
public record OperationOptions(boolean allowDowngrade, String baseline, boolean noRollback, Duration healthTimeout) {

    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(180);

    public static OperationOptions defaults() {
        return new OperationOptions(false, null, false, DEFAULT_HEALTH_TIMEOUT);
    }
}
