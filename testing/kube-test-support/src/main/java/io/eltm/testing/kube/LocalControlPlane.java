package io.eltm.testing.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real, throw-away Kubernetes control plane: etcd and kube-apiserver (built by
 * {@code testing/control-plane/build.sh}) on free loopback ports, with generated certificates and
 * service-account signing keys, RBAC authorization and the default admission plugins plus
 * ValidatingAdmissionPolicy. Everything lives in one temp directory, removed by {@link #close()}.
 * There is no controller-manager, scheduler or kubelet: objects are stored and validated, never run.
 */
public final class LocalControlPlane implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final KubeBinaries binaries;
  private final ControlPlaneOptions options;
  private final Path workDir;
  private final Path kubeconfig;
  private final String server;
  private final Duration startupTime;
  private final ControlPlaneCertificates certificates;
  private final List<ServerProcess> processes = new ArrayList<>();

  private LocalControlPlane(KubeBinaries binaries, ControlPlaneOptions options, Path workDir) {
    this.binaries = binaries;
    this.options = options;
    this.workDir = workDir;
    long started = System.nanoTime();
    try {
      int etcdClientPort = freePort();
      int etcdPeerPort = freePort();
      int apiPort = freePort();
      this.server = "https://" + options.address() + ":" + apiPort;
      // etcd needs no certificates (plain HTTP on loopback): let it boot while they are generated.
      ServerProcess etcd = ServerProcess.start("etcd", etcdCommand(etcdClientPort, etcdPeerPort),
          workDir.resolve("etcd.log"));
      processes.add(etcd);
      ControlPlaneCertificates pki = ControlPlaneCertificates.generate(workDir,
          options.address().equals("127.0.0.1") ? List.of(options.serviceIp()) : List.of(options.address(), options.serviceIp()));
      this.certificates = pki;
      etcd.awaitReady(ReadinessProbe.plainHttp("http://127.0.0.1:" + etcdClientPort + "/health", "\"health\":\"true\""),
          START_TIMEOUT);

      ServerProcess apiServer = ServerProcess.start("kube-apiserver", apiServerCommand(pki, etcdClientPort, apiPort),
          workDir.resolve("kube-apiserver.log"));
      processes.add(apiServer);
      // Written while kube-apiserver boots: the first Fabric8 serialization costs a second of class loading.
      this.kubeconfig = Kubeconfig.withClientCertificate(workDir.resolve("admin.kubeconfig"), server,
          read(pki.caCert()), read(pki.adminCert()), read(pki.adminKey()));
      try (KubernetesClient probeClient = new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(kubeconfig.toFile())).build()) {
        apiServer.awaitReady(ReadinessProbe.kubeReadyz(probeClient), START_TIMEOUT);
      }
      this.startupTime = Duration.ofNanos(System.nanoTime() - started);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts a control plane on loopback from the cached binaries, in a fresh temp directory. */
  public static LocalControlPlane start() {
    KubeBinaries binaries = KubeBinaries.fromCache();
    binaries.kubeApiServer(); // fail before creating anything when the build script has not run
    try {
      return start(binaries, ControlPlaneOptions.loopback(), Files.createTempDirectory("eltm-control-plane-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for the control plane", e);
    }
  }

  /** Starts a control plane with the given options in {@code workDir}, which {@link #close()} removes. */
  static LocalControlPlane start(KubeBinaries binaries, ControlPlaneOptions options, Path workDir) {
    return new LocalControlPlane(binaries, options, workDir);
  }

  /** The certificates, for the node's components. */
  ControlPlaneCertificates certificates() {
    return certificates;
  }

  /** Admin kubeconfig (client certificate in system:masters). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public String server() {
    return server;
  }

  public KubeBinaries binaries() {
    return binaries;
  }

  public Path workDir() {
    return workDir;
  }

  /** Time from launching etcd to kube-apiserver answering {@code /readyz}, certificates included. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Process ids of etcd and kube-apiserver, for measurements. */
  public List<Long> pids() {
    return processes.stream().map(ServerProcess::pid).toList();
  }

  private List<String> etcdCommand(int clientPort, int peerPort) {
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    return List.of(binaries.etcd().toString(),
        "--name=eltm",
        "--data-dir=" + workDir.resolve("etcd-data"),
        "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=eltm=" + peer,
        // Test data is thrown away: skip fsync, as envtest does; it is the slowest part of etcd on CI disks.
        "--unsafe-no-fsync=true",
        "--log-level=warn");
  }

  private List<String> apiServerCommand(ControlPlaneCertificates pki, int etcdPort, int apiPort) {
    List<String> command = new ArrayList<>(List.of(binaries.kubeApiServer().toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=" + options.address(),
        "--advertise-address=" + options.address(),
        "--secure-port=" + apiPort,
        "--cert-dir=" + workDir.resolve("apiserver-certs"),
        "--tls-cert-file=" + pki.serverCert(),
        "--tls-private-key-file=" + pki.serverKey(),
        "--client-ca-file=" + pki.caCert(),
        // A node replaces these two through its extra flags (Node authorization, NodeRestriction).
        "--authorization-mode=RBAC",
        // Added to the default plugins, not replacing them (it is on by default since 1.30: being explicit
        // documents that the tests rely on it).
        "--enable-admission-plugins=ValidatingAdmissionPolicy",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + pki.serviceAccountPublicKey(),
        "--service-account-signing-key-file=" + pki.serviceAccountKey(),
        "--service-cluster-ip-range=" + options.serviceCidr(),
        "--allow-privileged=true",
        "--v=1"));
    for (String flag : options.extraFlags().apply(pki)) {
      // Replaced rather than repeated: list-valued flags such as --authorization-mode refuse repeats.
      String name = flag.substring(0, flag.indexOf('=') + 1);
      command.removeIf(existing -> existing.startsWith(name));
      command.add(flag);
    }
    return command;
  }

  /** Stops kube-apiserver, then etcd, and removes the temp directory. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
    processes.clear();
    TempDirectories.deleteRecursively(workDir);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
