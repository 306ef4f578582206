package io.eltm.shim.kit;

import java.util.OptionalLong;

/**
 * The running services of an install: the postmaster's pid and the meta-service's, each empty when
 * that service does not run. Equal before and after an operation means the services were never
 * restarted.
 */
public record ServicePids(OptionalLong postgres, OptionalLong metaService) {

    public boolean allRunning() {
        return postgres.isPresent() && metaService.isPresent();
    }

    public boolean noneRunning() {
        return postgres.isEmpty() && metaService.isEmpty();
    }
}
