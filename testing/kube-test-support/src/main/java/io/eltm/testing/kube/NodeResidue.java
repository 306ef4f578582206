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
  private static final List<String> IPTABLES = List.of("iptables", "ip6tables");
  private static final List<String> TABLES = List.of("filter", "nat", "mangle");

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
    if (Files.exists(Containerd.FIXED_STATE)) {
      residue.add("directory " + Containerd.FIXED_STATE + " (containerd's shim sockets)");
    }
    if (Files.exists(Path.of("/sys/class/net", NodeNetwork.BRIDGE))) {
      residue.add("network device " + NodeNetwork.BRIDGE);
    }
    for (String iptables : IPTABLES) {
      for (String table : TABLES) {
        HostCommands.run(iptables, "-w", "-t", table, "-S").lines()
            .filter(rule -> rule.contains(NodeNetwork.CHAIN) || rule.contains("KUBE-"))
            .forEach(rule -> residue.add(iptables + " -t " + table + " " + rule));
      }
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

  /**
   * Removes the chains the kubelet makes for itself (KUBE-FIREWALL, the canaries, the mode hint) in both
   * address families, which {@code kube-proxy --cleanup} leaves: every jump to a KUBE- chain from a
   * built-in chain, then the KUBE- chains themselves.
   */
  static void removeKubeChains() {
    for (String iptables : IPTABLES) {
      for (String table : TABLES) {
        List<String> rules = HostCommands.run(iptables, "-w", "-t", table, "-S").lines().toList();
        rules.stream().filter(r -> r.startsWith("-A ") && !r.startsWith("-A KUBE-") && r.contains("-j KUBE-"))
            .forEach(r -> {
              List<String> delete = new ArrayList<>(List.of(iptables, "-w", "-t", table, "-D"));
              delete.addAll(List.of(r.substring(3).split(" ")));
              HostCommands.tryRun(delete);
            });
        List<String> chains = rules.stream().filter(r -> r.startsWith("-N KUBE-")).map(r -> r.substring(3)).toList();
        chains.forEach(c -> HostCommands.tryRun(List.of(iptables, "-w", "-t", table, "-F", c)));
        chains.forEach(c -> HostCommands.tryRun(List.of(iptables, "-w", "-t", table, "-X", c)));
      }
    }
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
