package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * The root launcher of the one-node cluster ({@code testing/control-plane/start.sh --node}): starts
 * {@link NodeCluster}, hands the unprivileged test user an admin kubeconfig (0600, owned by that user),
 * and waits. SIGTERM or SIGINT stops the cluster, then checks the machine with {@link NodeResidue}: the
 * exit code is 0 only when nothing is left behind, so CI fails on a leak.
 *
 * <pre>
 *   NodeClusterMain --kubeconfig-out FILE [--audit-log-out FILE] [--owner USER] [--image TAR]...
 * </pre>
 */
public final class NodeClusterMain {

  private NodeClusterMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    Path out = null;
    Path auditLog = null;
    String owner = null;
    List<Path> images = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kubeconfig-out" -> out = Path.of(args[++i]);
        case "--audit-log-out" -> auditLog = Path.of(args[++i]).toAbsolutePath();
        case "--owner" -> owner = args[++i];
        case "--image" -> images.add(Path.of(args[++i]));
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (out == null) {
      usage("--kubeconfig-out FILE is required");
    }
    CountDownLatch stop = new CountDownLatch(1);
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    Signal.handle(new Signal("INT"), s -> stop.countDown());

    if (auditLog != null) {
      createOwned(auditLog, owner);
    }
    NodeCluster cluster = NodeCluster.start(images, auditLog);
    try {
      handOver(cluster.kubeconfig(), out, owner);
      System.out.printf("""
          Kubernetes cluster with one node ready in %d ms: %s
          resident memory of its %d processes at start: %d MiB
          node %s; pod network %s, services %s (on bridge %s)
          images imported: %s
          kubeconfig (cluster-admin) for %s: %s
          audit log (ServiceAccounts' requests): %s

            export ELTM_NODE_KUBECONFIG=%s

          SIGTERM or Ctrl-C stops it and removes %s
          """, cluster.startupTime().toMillis(), cluster.server(), cluster.pids().size(), residentMiB(cluster.pids()),
          NodeComponents.NODE_NAME, NodeNetwork.POD_CIDR,
          NodeNetwork.SERVICE_CIDR, NodeNetwork.BRIDGE, images, owner == null ? "root" : owner, out, auditLog == null ? "off" : auditLog, out,
          cluster.workDir());
      stop.await();
    } finally {
      System.out.println("stopping the node cluster and removing " + cluster.workDir());
      cluster.close();
      deleteQuietly(out);
      if (auditLog != null) {
        deleteQuietly(auditLog);
      }
    }
    List<String> residue = NodeResidue.find();
    if (!residue.isEmpty()) {
      System.out.println("FAIL: the stopped node left behind:\n  " + String.join("\n  ", residue));
      System.exit(1);
    }
    System.out.println("node removed: no process, mount, network device, iptables rule or cgroup left behind");
    System.exit(0);
  }

  /** The summed VmRSS of the processes, from /proc. */
  static long residentMiB(List<Long> pids) {
    long kib = 0;
    for (long pid : pids) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmRSS:")) {
            kib += Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the memory of process " + pid, e);
      }
    }
    return kib / 1024;
  }

  /** Copies the admin kubeconfig to {@code out}, created 0600 and owned by {@code owner}. */
  private static void handOver(Path kubeconfig, Path out, String owner) {
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Path scratch = out.resolveSibling(out.getFileName() + ".tmp");
      Files.deleteIfExists(scratch);
      Files.createFile(scratch, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(scratch, Files.readAllBytes(kubeconfig));
      if (owner != null) {
        UserPrincipalLookupService users = scratch.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(scratch, users.lookupPrincipalByName(owner));
      }
      // Renamed into place last: a waiting test run sees the file only once it is complete.
      Files.move(scratch, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand the node's kubeconfig to " + owner + " at " + out, e);
    }
  }

  /**
   * An empty audit log, 0600 and owned by {@code owner}: the API server (root) appends to the existing file
   * and keeps its owner and mode, so the test user reads it and nobody else does.
   */
  private static void createOwned(Path file, String owner) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      if (owner != null) {
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the audit log " + file + " for " + owner, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("cannot remove " + file + ": " + e.getMessage());
    }
  }

  private static void usage(String problem) {
    System.err.println("NodeClusterMain: " + problem
        + "\nusage: NodeClusterMain --kubeconfig-out FILE [--audit-log-out FILE] [--owner USER] [--image TAR]...");
    System.exit(2);
  }
}
