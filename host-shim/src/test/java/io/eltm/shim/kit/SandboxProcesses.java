package io.eltm.shim.kit;

import io.eltm.shim.service.ServiceProcesses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service processes of one sandbox: found by their pid files, and, for cleanup, by their command
 * line naming the sandbox's install dir (the postmaster's {@code -D}, the meta-service's jar path), so
 * nothing survives even when the pid files are gone or the scripts are broken.
 */
final class SandboxProcesses {

    private final Path installDir;
    private final Thread killer;

    SandboxProcesses(Path installDir) {
        this.installDir = installDir;
        this.killer = new Thread(this::killAll, "sample-install-cleanup");
    }

    ServicePids servicePids() {
        return new ServicePids(
                alive(firstLine(installDir.resolve("server/pgsql/data/postmaster.pid"))),
                alive(firstLine(installDir.resolve("transient/meta-service.pid"))));
    }

    /** The service processes alive now, by their pid files. */
    List<ProcessHandle> serviceProcesses() {
        ServicePids pids = servicePids();
        return Stream.of(pids.postgres(), pids.metaService())
                .filter(OptionalLong::isPresent)
                .flatMap(pid -> ProcessHandle.of(pid.getAsLong()).stream())
                .toList();
    }

    void killAll() {
        killAll(List.of());
    }

    /**
     * Kills (SIGKILL) {@code known} and every process of this user whose command line names the install
     * dir, with their children, and returns once all are gone from the process table (reaped, not just
     * dying: a stopped postmaster lingers for a moment after {@code pg_ctl stop -w} returns).
     */
    void killAll(List<ProcessHandle> known) {
        String marker = installDir + "/";
        Set<ProcessHandle> leftovers = new LinkedHashSet<>(known);
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(leftovers::add);
        for (ProcessHandle process : leftovers) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle process : leftovers) {
            // polled here: onExit() of a process that is not our child backs off to seconds between checks,
            // and counts a zombie as alive (orphans are reaped by PID 1, which may take seconds)
            while (ServiceProcesses.running(process.pid())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("process " + process.pid() + " of the sample install at "
                            + installDir + " survived SIGKILL for 10 s");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void killOnJvmExit() {
        Runtime.getRuntime().addShutdownHook(killer);
    }

    void cancelKillOnJvmExit() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // close() runs inside JVM shutdown: the hook is running or has run, nothing to cancel
        }
    }

    private static OptionalLong alive(OptionalLong pid) {
        if (pid.isPresent() && ServiceProcesses.running(pid.getAsLong())) {
            return pid;
        }
        return OptionalLong.empty();
    }

    private static OptionalLong firstLine(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() || lines.get(0).isBlank()
                    ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException missingOrPartial) {
            return OptionalLong.empty(); // no such service running (or its pid file is being written)
        }
    }
}
