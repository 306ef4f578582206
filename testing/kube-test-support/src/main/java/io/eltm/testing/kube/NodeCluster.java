package io.eltm.testing.kube;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-node Kubernetes cluster on this machine that runs real pods: the control plane of
 * {@link LocalControlPlane} on the node's bridge address, kube-controller-manager, kube-scheduler,
 * containerd, the kubelet and kube-proxy, with the images given imported (no registry). Needs root
 * (containerd, the kubelet, the bridge and iptables); {@link NodeClusterMain} starts it for a test run.
 * {@link #close()} removes every process, mount, network device, rule and directory it made, and
 * {@link NodeResidue} proves it.
 */
public final class NodeCluster implements AutoCloseable {

  private static final Duration NODE_READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private final Path workDir;
  private final NodeNetwork network = new NodeNetwork();
  private final Containerd containerd;
  private final List<ServerProcess> controllers = new ArrayList<>();
  private final List<ServerProcess> nodeAgents = new ArrayList<>();
  private LocalControlPlane plane;
  private NodeComponents components;
  private final Duration startupTime;

  private NodeCluster(Path workDir, List<Path> images, Path auditLog) {
    this.workDir = workDir;
    this.containerd = new Containerd(workDir.resolve("containerd"));
    long started = System.nanoTime();
    try {
      KubeBinaries binaries = KubeBinaries.fromCache();
      network.setUp();
      Path pki = Files.createDirectories(workDir.resolve("node-pki"));
      plane = LocalControlPlane.start(binaries, new ControlPlaneOptions(NodeNetwork.NODE_IP, NodeNetwork.SERVICE_CIDR,
          NodeNetwork.KUBERNETES_SERVICE_IP, certificates -> apiServerFlags(pki, certificates, auditLog)),
          Files.createDirectories(workDir.resolve("control-plane")));
      components = new NodeComponents(binaries, plane.certificates(), plane.server(), pki);
      controllers.add(ServerProcess.start("kube-controller-manager", components.controllerManager(),
          workDir.resolve("kube-controller-manager.log")));
      controllers.add(ServerProcess.start("kube-scheduler", components.scheduler(), workDir.resolve("kube-scheduler.log")));

      containerd.start(NodeImages.PAUSE);
      Path imageDir = Files.createDirectories(workDir.resolve("images"));
      containerd.importImage(NodeImages.pause(imageDir));
      containerd.importImage(NodeImages.busybox(imageDir));
      images.forEach(containerd::importImage);
      Files.writeString(containerd.cniConfDir().resolve("10-eltm-pods.conflist"),
          NodeNetwork.cniConfig(workDir.resolve("cni-ipam")));
      nodeAgents.add(ServerProcess.start("kubelet", components.kubelet(containerd.socket()), workDir.resolve("kubelet.log")));
      nodeAgents.add(ServerProcess.start("kube-proxy", components.kubeProxy(), workDir.resolve("kube-proxy.log")));
      awaitNodeReady();
      this.startupTime = Duration.ofNanos(System.nanoTime() - started);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot prepare the node in " + workDir, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts a cluster with the images (docker-archive or OCI tars) imported into its node; with
   * {@code auditLog} non-null, its API server writes the audit log of {@link NodeAudit} there.
   */
  public static NodeCluster start(List<Path> images, Path auditLog) {
    try {
      return new NodeCluster(Files.createTempDirectory("eltm-node-"), images, auditLog);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for the node", e);
    }
  }

  private static List<String> apiServerFlags(Path pki, ControlPlaneCertificates certificates, Path auditLog) {
    List<String> flags = new ArrayList<>(NodeComponents.apiServerFlags(pki, certificates.authority()));
    if (auditLog != null) {
      flags.addAll(NodeAudit.apiServerFlags(pki, auditLog));
    }
    return flags;
  }

  public Path kubeconfig() {
    return plane.kubeconfig();
  }

  public String server() {
    return plane.server();
  }

  public Path workDir() {
    return workDir;
  }

  /** Launch of the first process to the node Ready (the pause image's build included). */
  public Duration startupTime() {
    return startupTime;
  }

  /** Every process of the cluster, for measurements. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>(plane.pids());
    controllers.forEach(p -> pids.add(p.pid()));
    nodeAgents.forEach(p -> pids.add(p.pid()));
    pids.add(containerd.pid());
    return pids;
  }

  private void awaitNodeReady() {
    try (KubernetesClient admin = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(plane.kubeconfig().toFile())).build()) {
      nodeAgents.get(0).awaitReady(() -> ready(admin.nodes().withName(NodeComponents.NODE_NAME).get())
          // The controller-manager works once it has made the default namespace's ServiceAccount.
          && admin.serviceAccounts().inNamespace("default").withName("default").get() != null, NODE_READY_TIMEOUT);
    }
  }

  private static boolean ready(Node node) {
    return node != null && node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Stops the controllers first (nothing recreates pods), deletes every pod and waits for the kubelet to
   * tear them down (unmounts, CNI DEL), stops the kubelet and kube-proxy, kills what containerd still
   * runs, removes kube-proxy's rules and the network, stops the control plane and removes the directory.
   */
  @Override
  public void close() {
    controllers.forEach(ServerProcess::stop);
    controllers.clear();
    if (plane != null && !nodeAgents.isEmpty()) {
      drainPods();
    }
    nodeAgents.forEach(ServerProcess::stop);
    nodeAgents.clear();
    containerd.stop();
    NodeResidue.unmountUnder(workDir);
    containerd.removeOwnDirectories();
    if (components != null) {
      HostCommands.tryRun(components.kubeProxyCleanup());
    }
    NodeResidue.removeKubeChains();
    network.tearDown();
    if (plane != null) {
      plane.close();
    }
    NodeResidue.removeKubeletCgroups();
    TempDirectories.deleteRecursively(workDir);
  }

  private void drainPods() {
    try (KubernetesClient admin = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(plane.kubeconfig().toFile())).build()) {
      admin.pods().inAnyNamespace().withGracePeriod(0).delete();
      await("pods removed by the kubelet").atMost(DRAIN_TIMEOUT).pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> admin.pods().inAnyNamespace().list().getItems().isEmpty() && containerd.runningTasks().isEmpty());
    } catch (RuntimeException e) {
      // The forced stop below still removes everything; say why the orderly drain did not finish.
      System.err.println("[eltm-node] pods were not drained in " + DRAIN_TIMEOUT.toSeconds() + " s ("
          + e.getMessage() + "); killing what is left");
    }
  }
}
