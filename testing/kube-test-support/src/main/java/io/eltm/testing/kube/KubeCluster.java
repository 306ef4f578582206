package io.eltm.testing.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kubernetes API server the tests talk to -- the local control plane, an existing cluster or K3s --
 * with an admin client, its kubeconfig, and clients acting as ServiceAccounts so RBAC can be asserted.
 * Closing it stops what it started (nothing, for an existing cluster) and closes the clients it made.
 */
public final class KubeCluster implements AutoCloseable {

  /** Token lifetime of {@link #clientAs}: long enough for any test, the API server's minimum is 10 min. */
  private static final long TOKEN_SECONDS = 3600;

  private final String description;
  private final Path kubeconfig;
  private final Path credentialsDir;
  private final boolean bareControlPlane;
  private final AutoCloseable stopper;
  private final KubernetesClient admin;
  private final List<KubernetesClient> clients = new ArrayList<>();

  KubeCluster(String description, Path kubeconfig, Path credentialsDir, boolean bareControlPlane,
      AutoCloseable stopper) {
    this.description = description;
    this.kubeconfig = kubeconfig;
    this.credentialsDir = credentialsDir;
    this.bareControlPlane = bareControlPlane;
    this.stopper = stopper;
    this.admin = clientFor(kubeconfig);
  }

  /** Starts etcd + kube-apiserver from the cached binaries (see {@link LocalControlPlane}). */
  public static KubeCluster local() {
    LocalControlPlane plane = LocalControlPlane.start();
    try {
      return new KubeCluster("local control plane " + plane.binaries().kubernetesVersion() + " at " + plane.server()
          + " (ready in " + plane.startupTime().toMillis() + " ms)", plane.kubeconfig(), plane.workDir(), true, plane);
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  /** An existing cluster; nothing is started or stopped. The kubeconfig's user needs cluster-admin. */
  public static KubeCluster existing(Path kubeconfig) {
    return existing(kubeconfig, "existing cluster from " + kubeconfig);
  }

  private static KubeCluster existing(Path kubeconfig, String description) {
    if (!Files.isReadable(kubeconfig)) {
      throw new IllegalArgumentException("kubeconfig " + kubeconfig + " (from " + ClusterMode.KUBECONFIG_PROPERTY
          + "/" + ClusterMode.KUBECONFIG_ENV + ") does not exist or is not readable");
    }
    try {
      Path credentials = Files.createTempDirectory("eltm-kube-credentials-");
      return new KubeCluster(description, kubeconfig, credentials, false,
          () -> TempDirectories.deleteRecursively(credentials));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for ServiceAccount kubeconfigs", e);
    }
  }

  /** The cluster {@link ClusterMode#fromEnvironment()} names. K3s needs Docker: see {@link K3sCluster}. */
  public static KubeCluster fromEnvironment() {
    return start(ClusterMode.fromEnvironment());
  }

  /** Starts or connects to a cluster of the given mode; {@code kubeconfig} mode reads its file from the environment. */
  public static KubeCluster start(ClusterMode mode) {
    return switch (mode) {
      case LOCAL -> local();
      case KUBECONFIG -> existing(ClusterMode.kubeconfigFromEnvironment().orElseThrow(() ->
          new IllegalArgumentException("cluster mode kubeconfig needs " + ClusterMode.KUBECONFIG_PROPERTY
              + " or " + ClusterMode.KUBECONFIG_ENV + " naming the kubeconfig file")));
      case K3S -> K3sCluster.start();
      case NODE -> node();
    };
  }

  /**
   * The node cluster of this test run. A missing one fails with how to start it: a test that needs pods
   * to run proves nothing without them.
   */
  private static KubeCluster node() {
    Path kubeconfig = ClusterMode.nodeKubeconfigFromEnvironment().orElseThrow(() -> new IllegalStateException(
        "this test runs pods and needs the one-node cluster, which runs as root: start it with "
            + "'sudo bash testing/control-plane/start.sh --node --owner $USER --kubeconfig-out ~/.cache/eltm/node.kubeconfig' "
            + "and export " + ClusterMode.NODE_KUBECONFIG_ENV + "=~/.cache/eltm/node.kubeconfig (bash .ci/run does both)"));
    return existing(kubeconfig, "one-node cluster from " + kubeconfig);
  }

  public String description() {
    return description;
  }

  /** Admin client (cluster-admin); closed with the cluster, do not close it in tests. */
  public KubernetesClient adminClient() {
    return admin;
  }

  /** Admin kubeconfig, for kubectl and processes under test. Holds credentials: never copy it elsewhere. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The kubectl built by {@code testing/control-plane/build.sh}, same version as the local API server. */
  public Path kubectl() {
    return KubeBinaries.fromCache().kubectl();
  }

  /**
   * A client authenticating as ServiceAccount {@code namespace/serviceAccount} with a TokenRequest token
   * (created if missing; it has no rights until a test binds a role). Closed with the cluster.
   */
  public synchronized KubernetesClient clientAs(String namespace, String serviceAccount) {
    KubernetesClient client = clientFor(kubeconfigAs(namespace, serviceAccount));
    clients.add(client);
    return client;
  }

  /** A kubeconfig acting as ServiceAccount {@code namespace/serviceAccount}, e.g. for an operator process. */
  public Path kubeconfigAs(String namespace, String serviceAccount) {
    admin.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
        .withNewMetadata().withName(serviceAccount).withNamespace(namespace).endMetadata().build())
        .serverSideApply();
    String token = admin.serviceAccounts().inNamespace(namespace).withName(serviceAccount)
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(TOKEN_SECONDS).endSpec().build())
        .getStatus().getToken();
    Config config = admin.getConfiguration();
    return Kubeconfig.withToken(credentialsDir.resolve(namespace + "." + serviceAccount + ".kubeconfig"),
        "system:serviceaccount:" + namespace + ":" + serviceAccount, config.getMasterUrl(), caPem(config), token);
  }

  /** Creates a namespace (and, on a bare control plane, its "default" ServiceAccount). */
  public TestNamespace createNamespace(String name) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels("eltm.io/test-namespace", "true").endMetadata().build()).create();
    if (bareControlPlane) {
      // No controller-manager runs here to create it, and the ServiceAccount admission plugin refuses
      // pods whose ServiceAccount is missing.
      admin.serviceAccounts().inNamespace(name).resource(new ServiceAccountBuilder()
          .withNewMetadata().withName("default").endMetadata().build()).create();
    } else {
      // The controller-manager creates it a moment later; a pod created before then is refused.
      admin.serviceAccounts().inNamespace(name).withName("default").waitUntilCondition(sa -> sa != null, 30, TimeUnit.SECONDS);
    }
    return new TestNamespace(name);
  }

  /**
   * Deletes a namespace. On the bare control plane no namespace controller finalizes it, so it stays
   * Terminating until the control plane stops; on real clusters its contents go too.
   */
  public void deleteNamespace(TestNamespace namespace) {
    admin.namespaces().withName(namespace.name()).delete();
  }

  @Override
  public synchronized void close() throws Exception {
    clients.forEach(KubernetesClient::close);
    clients.clear();
    admin.close();
    stopper.close();
  }

  @Override
  public String toString() {
    return description;
  }

  private static KubernetesClient clientFor(Path kubeconfig) {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.toFile())).build();
  }

  private static String caPem(Config config) {
    try {
      if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
        return new String(Base64.getMimeDecoder().decode(config.getCaCertData()), StandardCharsets.UTF_8);
      }
      if (config.getCaCertFile() != null) {
        return Files.readString(Path.of(config.getCaCertFile()));
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cluster's CA file " + config.getCaCertFile(), e);
    }
  }
}
