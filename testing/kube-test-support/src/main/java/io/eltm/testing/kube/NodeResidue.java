package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a stopped node could leave on the machine, looked up where the kernel keeps it: processes of the
 * node's programs, mounts in the node's directories or CNI network namespaces, the bridge, iptables
 * chains of the node or of kube-proxy, and the kubelet's cgroups. {@link #find()} lists what is there.
 */
public final class NodeResidue {

  private static final List<String> PROGRAMS = List.of("kubelet", "kube-proxy", "kube-controller-manager",
      "kube-scheduler", "containerd", "containerd-shim-runc-v2", "runc", "pause");
  private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

  private NodeResidue() {
  }

  /** Everything left behind by any node, one line each; empty when the machine is clean. */
  public static List<String> find() {
    List<String> residue = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(p -> p.info().command().ifPresent(command -> {
      String name = Path.of(command).getFileName().toString();
      if (PROGRAMS.contains(name)) {
        residue.add("process " + p.pid() + " " + command);
      }
    }));
    mounts().stream().filter(NodeResidue::nodeMount).forEach(m -> residue.add("mount " + m));
    if (Files.exists(Path.of("/sys/class/net", NodeNetwork.BRIDGE))) {
      residue.add("network device " + NodeNetwork.BRIDGE);
    }
    for (String table : List.of("filter", "nat", "mangle")) {
      HostCommands.run("iptables", "-w", "-t", table, "-S").lines()
          .filter(rule -> rule.contains(NodeNetwork.CHAIN) || rule.contains("KUBE-"))
          .forEach(rule -> residue.add("iptables -t " + table + " " + rule));
    }
    kubeletCgroups().forEach(dir -> residue.add("cgroup " + dir));
    return residue;
  }

  /** Unmounts, deepest first, whatever is still mounted below {@code dir} or in a CNI namespace. */
  static void unmountUnder(Path dir) {
    mounts().stream().filter(m -> m.startsWith(dir.toString() + "/") || m.startsWith("/run/netns/cni-")
            || m.startsWith("/var/run/netns/cni-"))
        .sorted(Comparator.comparing(String::length).reversed())
        .forEach(m -> HostCommands.tryRun(List.of("umount", "-l", m)));
  }

  /** Removes the kubelet's {@code kubepods} cgroup trees (empty once their processes are gone). */
  static void removeKubeletCgroups() {
    for (Path dir : kubeletCgroups()) {
      try (Stream<Path> tree = Files.walk(dir)) {
        tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder())
            .forEach(d -> HostCommands.tryRun(List.of("rmdir", d.toString())));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the cgroup " + dir, e);
      }
    }
  }

  private static List<Path> kubeletCgroups() {
    try (Stream<Path> hierarchies = Files.list(CGROUPS)) {
      return hierarchies.map(h -> h.resolve("kubepods")).filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + CGROUPS, e);
    }
  }

  private static boolean nodeMount(String mountPoint) {
    return mountPoint.contains("/eltm-node-") || mountPoint.startsWith("/run/netns/cni-")
        || mountPoint.startsWith("/var/run/netns/cni-") || mountPoint.startsWith("/run/containerd");
  }

  /** Mount points from /proc/self/mountinfo (field 5; octal escapes such as \040 left as they are). */
  private static List<String> mounts() {
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4]).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/mountinfo", e);
    }
  }
}
