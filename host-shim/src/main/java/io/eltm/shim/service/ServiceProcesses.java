package io.eltm.shim.service;

import io.eltm.shim.env.InstallEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The install's service processes as the kernel sees them, without trusting the scripts: the
 * postmaster named by {@code postmaster.pid}, and whoever listens on the audit DB's port and on the
 * health URL's port (read from {@code /proc/net/tcp*} and {@code /proc/<pid>/fd}). {@code mstop-all}
 * exiting 0 proves nothing until these are gone.
 */
public final class ServiceProcesses {

    /** What runs now: pids, and the service ports something still listens on. */
    public record Seen(Set<Long> pids, Set<Integer> listeningPorts) {
        public boolean none() {
            return pids.isEmpty() && listeningPorts.isEmpty();
        }
    }

    private final InstallEnvironment env;

    public ServiceProcesses(InstallEnvironment env) {
        this.env = env;
    }

    public List<Integer> ports() {
        int health = env.healthUrl().getPort() < 0 ? 443 : env.healthUrl().getPort();
        return List.of(env.pgPort(), health);
    }

    /** The service processes alive now. */
    public Seen now() {
        Set<Integer> ports = new TreeSet<>();
        Set<Long> inodes = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String[] row : rows(Path.of(table))) {
                int port = Integer.parseInt(row[1].substring(row[1].indexOf(':') + 1), 16);
                if (row[3].equals("0A") && ports().contains(port)) { // 0A: LISTEN
                    ports.add(port);
                    inodes.add(Long.parseLong(row[9]));
                }
            }
        }
        Set<Long> pids = new TreeSet<>(listeners(inodes));
        postmasterPid().filter(ServiceProcesses::running).ifPresent(pids::add);
        return new Seen(pids, ports);
    }

    /** Those of {@code earlier} still alive, and the service ports still listened on. */
    public Seen remaining(Seen earlier) {
        Seen now = now();
        Set<Long> alive = new TreeSet<>();
        earlier.pids().stream().filter(ServiceProcesses::running).forEach(alive::add);
        alive.addAll(now.pids());
        return new Seen(alive, now.listeningPorts());
    }

    /** Alive and not a zombie (a dead process waiting to be reaped has stopped). */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | IndexOutOfBoundsException gone) {
            return false;
        }
    }

    private Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(env.installDir().resolve("server/pgsql/data/postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException noneOrPartial) {
            return Optional.empty();
        }
    }

    private static List<String[]> rows(Path table) {
        try {
            return Files.readAllLines(table).stream().skip(1).map(l -> l.strip().split("\\s+")).toList();
        } catch (IOException noIpv6) {
            return List.of();
        }
    }

    // The processes (of this user: others' fds are not readable) holding one of these listening sockets.
    private static Set<Long> listeners(Set<Long> inodes) {
        Set<Long> pids = new TreeSet<>();
        if (inodes.isEmpty()) {
            return pids;
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")
                                && inodes.contains(Long.parseLong(target.substring(8, target.length() - 1)))) {
                            pids.add(Long.parseLong(proc.getFileName().toString()));
                        }
                    }
                } catch (IOException notOursOrGone) {
                    // another user's process, or one that ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("while listing /proc", e);
        }
        return pids;
    }
}
