package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * containerd (Debian's package) as the node's container runtime, every directory of its own under the
 * node's work directory, runc as the runtime and the CNI plugins from {@code /usr/lib/cni}. Images come
 * only from tars imported with {@code ctr}: nothing is pulled from a registry.
 */
final class Containerd {

  /** The CRI namespace, where the kubelet looks for images. */
  private static final String NAMESPACE = "k8s.io";
  /** containerd 1.6 puts shim sockets and fifos here whatever its configuration says. */
  static final Path FIXED_STATE = Path.of("/run/containerd");
  /** Where the CRI plugin creates the pods' network namespaces. */
  static final Path NETNS = Path.of("/run/netns");

  private final Path dir;
  private final Path socket;
  private ServerProcess process;
  private boolean ownsFixedState;
  private boolean ownsNetns;

  Containerd(Path dir) {
    this.dir = dir;
    this.socket = dir.resolve("containerd.sock");
  }

  long pid() {
    return process == null ? -1 : process.pid();
  }

  Path socket() {
    return socket;
  }

  /** The directory the CNI configuration goes to. */
  Path cniConfDir() {
    return dir.resolve("cni-conf");
  }

  void start(String sandboxImage) {
    try {
      Files.createDirectories(cniConfDir());
      ownsFixedState = !Files.exists(FIXED_STATE);
      ownsNetns = !Files.exists(NETNS);
      Path config = dir.resolve("config.toml");
      Files.writeString(config, config(sandboxImage));
      process = ServerProcess.start("containerd", List.of("containerd", "--config", config.toString()),
          dir.resolve("containerd.log"));
      process.awaitReady(() -> Files.exists(socket)
          && HostCommands.tryRun(ctr("version")).exitCode() == 0, Duration.ofSeconds(30));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write containerd's configuration in " + dir, e);
    }
  }

  /** Imports a docker-archive or OCI tar into the CRI namespace. */
  void importImage(Path tar) {
    HostCommands.run(ctr("images", "import", "--no-unpack=false", tar.toString()));
  }

  /** Names of the containers' tasks still running (the pods' sandboxes included). */
  List<String> runningTasks() {
    return HostCommands.run(ctr("tasks", "list", "-q")).lines().filter(l -> !l.isBlank()).toList();
  }

  /** Kills and removes every task and container left, then stops containerd. */
  void stop() {
    if (process == null) {
      return;
    }
    for (String task : runningTasks()) {
      HostCommands.tryRun(ctr("tasks", "kill", "-s", "SIGKILL", task));
      HostCommands.tryRun(ctr("tasks", "delete", "-f", task));
    }
    for (String container : HostCommands.run(ctr("containers", "list", "-q")).lines().filter(l -> !l.isBlank()).toList()) {
      HostCommands.tryRun(ctr("containers", "delete", container));
    }
    process.stop();
    process = null;
  }

  /** Removes the fixed directories this containerd created, once their mounts are gone. */
  void removeOwnDirectories() {
    if (ownsFixedState) {
      TempDirectories.deleteRecursively(FIXED_STATE);
    }
    if (ownsNetns) {
      // Empty once every sandbox is gone (their namespaces are unmounted first); rmdir refuses otherwise.
      HostCommands.tryRun(List.of("rmdir", NETNS.toString()));
    }
  }

  private List<String> ctr(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("ctr", "--address", socket.toString(), "--namespace", NAMESPACE));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Version 2 configuration. {@code restrict_oom_score_adj}: this machine lacks CAP_SYS_RESOURCE, and
   * without it every sandbox fails writing /proc/self/oom_score_adj. cgroupfs, not systemd: there is no
   * systemd here.
   */
  private String config(String sandboxImage) {
    return """
        version = 2
        root = "%1$s/root"
        state = "%1$s/state"
        disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
          "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs",
          "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]

        [grpc]
          address = "%2$s"

        [metrics]
          address = ""

        [plugins."io.containerd.internal.v1.opt"]
          path = "%1$s/opt"

        [plugins."io.containerd.grpc.v1.cri"]
          sandbox_image = "%3$s"
          restrict_oom_score_adj = true
          enable_selinux = false
          [plugins."io.containerd.grpc.v1.cri".containerd]
            snapshotter = "overlayfs"
            default_runtime_name = "runc"
            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"
              [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                SystemdCgroup = false
                Root = "%1$s/runc"
          [plugins."io.containerd.grpc.v1.cri".cni]
            bin_dir = "/usr/lib/cni"
            conf_dir = "%4$s"
        """.formatted(dir, socket, sandboxImage, cniConfDir());
  }
}
