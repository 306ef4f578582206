package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's network, kept on this machine: a Linux bridge {@value #BRIDGE} holding the node's address,
 * a pod subnet and a Service range from 198.18.0.0/15 (RFC 2544's benchmarking block: never routed on the
 * Internet), pods given a route to those two ranges only (no default route, see {@link #cniConfig}), and a
 * FORWARD rule that drops anything arriving from the bridge that would leave by another interface.
 * Kernel settings the node changes (its own and the kubelet's) are recorded first and restored by
 * {@link #tearDown()}.
 */
final class NodeNetwork {

  static final String BRIDGE = "eltm0";
  static final String NODE_IP = "198.18.0.1";
  static final String POD_CIDR = "198.18.0.0/24";
  static final String SERVICE_CIDR = "198.19.0.0/24";
  static final String KUBERNETES_SERVICE_IP = "198.19.0.1";
  static final String CHAIN = "ELTM-NODE-FORWARD";

  /**
   * Forwarding and bridge netfilter for Services, and the tunables the kubelet sets at start
   * (setupKernelTunables) so that they go back to what they were.
   */
  private static final List<String> SETTINGS = List.of("net/ipv4/ip_forward", "net/bridge/bridge-nf-call-iptables",
      "vm/overcommit_memory", "vm/panic_on_oom", "kernel/panic", "kernel/panic_on_oops",
      "kernel/keys/root_maxkeys", "kernel/keys/root_maxbytes");

  private final Map<String, String> saved = new LinkedHashMap<>();

  void setUp() {
    for (String setting : SETTINGS) {
      saved.put(setting, read(setting));
    }
    HostCommands.run("ip", "link", "add", BRIDGE, "type", "bridge");
    HostCommands.run("ip", "addr", "add", NODE_IP + "/24", "dev", BRIDGE);
    HostCommands.run("ip", "link", "set", BRIDGE, "up");
    write("net/ipv4/ip_forward", "1");
    write("net/bridge/bridge-nf-call-iptables", "1");
    HostCommands.run("iptables", "-w", "-N", CHAIN);
    HostCommands.run("iptables", "-w", "-A", CHAIN, "-i", BRIDGE, "-o", BRIDGE, "-j", "ACCEPT");
    HostCommands.run("iptables", "-w", "-A", CHAIN, "-i", BRIDGE, "-m", "comment", "--comment",
        "eltm test node: pod traffic never leaves this machine", "-j", "DROP");
    HostCommands.run("iptables", "-w", "-I", "FORWARD", "1", "-j", CHAIN);
  }

  /**
   * The CNI configuration of the pod network: the bridge plugin on {@value #BRIDGE}, addresses from
   * {@value #POD_CIDR}, and one route, to the Service range through the node; no masquerading.
   */
  static String cniConfig(Path ipamDataDir) {
    return """
        {
          "cniVersion": "1.0.0",
          "name": "eltm-pods",
          "plugins": [{
            "type": "bridge", "bridge": "%s", "isGateway": true, "isDefaultGateway": false,
            "ipMasq": false, "hairpinMode": true,
            "ipam": {
              "type": "host-local", "dataDir": "%s",
              "ranges": [[{"subnet": "%s", "rangeStart": "198.18.0.16", "gateway": "%s"}]],
              "routes": [{"dst": "%s"}]
            }
          }]
        }
        """.formatted(BRIDGE, ipamDataDir, POD_CIDR, NODE_IP, SERVICE_CIDR);
  }

  /** Removes the rule, the chain and the bridge and restores the kernel settings; tolerates a partial setUp. */
  void tearDown() {
    HostCommands.tryRun(List.of("iptables", "-w", "-D", "FORWARD", "-j", CHAIN));
    HostCommands.tryRun(List.of("iptables", "-w", "-F", CHAIN));
    HostCommands.tryRun(List.of("iptables", "-w", "-X", CHAIN));
    HostCommands.tryRun(List.of("ip", "link", "del", BRIDGE));
    saved.forEach(NodeNetwork::write);
    saved.clear();
  }

  private static String read(String setting) {
    try {
      return Files.readString(Path.of("/proc/sys", setting)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kernel setting " + setting, e);
    }
  }

  private static void write(String setting, String value) {
    try {
      Files.writeString(Path.of("/proc/sys", setting), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the kernel setting " + setting + " to " + value, e);
    }
  }
}
