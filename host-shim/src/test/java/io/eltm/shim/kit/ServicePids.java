package io.eltm.shim.kit;

import io.eltm.shim.service.ServiceProcesses;

import java.util.OptionalLong;
import java.util.stream.Stream;

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

    /** Whether any of these processes runs now (a zombie awaiting its reaping counts as stopped). */
    public boolean anyStillRunning() {
        return Stream.of(postgres, metaService)
                .anyMatch(pid -> pid.isPresent() && ServiceProcesses.running(pid.getAsLong()));
    }
}
