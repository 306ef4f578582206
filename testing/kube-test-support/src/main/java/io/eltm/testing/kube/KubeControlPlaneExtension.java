package io.eltm.testing.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.io.TempDir;

/**
 * JUnit 5 extension handing tests a real Kubernetes API server: one cluster per test JVM (shared by all
 * test classes, stopped when the run ends) and a fresh namespace per test method.
 *
 * <pre>{@code
 * @ExtendWith(KubeControlPlaneExtension.class)
 * class MyIT {
 *   @Test
 *   void something(KubernetesClient admin, TestNamespace namespace, Path kubeconfig, KubeCluster cluster) {
 *     KubernetesClient operator = cluster.clientAs(namespace.name(), "eltm-operator");
 *   }
 * }
 * }</pre>
 *
 * Injectable parameters: {@link KubeCluster}, {@link KubernetesClient} (admin), {@link TestNamespace},
 * and {@link Path} (the admin kubeconfig; parameters annotated {@code @TempDir} are left to JUnit).
 * Which cluster: see {@link ClusterMode}; {@link #k3s()} forces K3s, which is skipped, with a message,
 * where there is no Docker engine.
 */
public final class KubeControlPlaneExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(KubeControlPlaneExtension.class);

  private final ClusterMode forcedMode;

  /** The cluster named by the environment ({@link ClusterMode#fromEnvironment()}); local by default. */
  public KubeControlPlaneExtension() {
    this(null);
  }

  private KubeControlPlaneExtension(ClusterMode forcedMode) {
    this.forcedMode = forcedMode;
  }

  /**
   * For {@code @RegisterExtension} in tests that run pods: the one-node cluster of this test run
   * ({@link ClusterMode#NODE}), or the cluster that {@code eltm.kube.kubeconfig} names (a real cluster has nodes).
   */
  public static KubeControlPlaneExtension node() {
    return new KubeControlPlaneExtension(ClusterMode.kubeconfigFromEnvironment().isPresent()
        ? ClusterMode.KUBECONFIG : ClusterMode.NODE);
  }

  /** For {@code @RegisterExtension}: always K3s through Testcontainers, whatever the environment says. */
  public static KubeControlPlaneExtension k3s() {
    return new KubeControlPlaneExtension(ClusterMode.K3S);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    KubeCluster cluster = cluster(context);
    TestNamespace namespace = cluster.createNamespace(namespaceName(context));
    context.getStore(STORE).put(TestNamespace.class, namespace);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestNamespace namespace = context.getStore(STORE).remove(TestNamespace.class, TestNamespace.class);
    if (namespace != null) {
      cluster(context).deleteNamespace(namespace);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubeCluster.class || type == KubernetesClient.class || type == TestNamespace.class
        || (type == Path.class && !parameter.isAnnotated(TempDir.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == TestNamespace.class) {
      TestNamespace namespace = context.getStore(STORE).get(TestNamespace.class, TestNamespace.class);
      if (namespace == null) {
        throw new ParameterResolutionException("a TestNamespace exists only for a test method, not in "
            + context.getDisplayName() + "; create namespaces in @BeforeAll with KubeCluster.createNamespace");
      }
      return namespace;
    }
    KubeCluster cluster = cluster(context);
    if (type == KubernetesClient.class) {
      return cluster.adminClient();
    }
    if (type == Path.class) {
      return cluster.kubeconfig();
    }
    return cluster;
  }

  private KubeCluster cluster(ExtensionContext context) {
    ClusterMode mode = forcedMode != null ? forcedMode : ClusterMode.fromEnvironment();
    if (mode == ClusterMode.K3S && !K3sCluster.dockerAvailable()) {
      String message = "K3s mode skipped: no Docker engine is reachable, so Testcontainers cannot start K3s ("
          + K3sCluster.DEFAULT_IMAGE + "). This mode was not run here.";
      System.out.println("[eltm-kube-test-support] " + message);
      Assumptions.abort(message);
    }
    // The root store lives as long as the test run and closes the cluster (AutoCloseable) at its end.
    return context.getRoot().getStore(STORE)
        .getOrComputeIfAbsent(mode, KubeControlPlaneExtension::startCluster, KubeCluster.class);
  }

  private static KubeCluster startCluster(ClusterMode mode) {
    KubeCluster cluster = KubeCluster.start(mode);
    System.out.println("[eltm-kube-test-support] using " + cluster.description());
    return cluster;
  }

  /** {@code t-<method>-<random>}: readable in kubectl output, unique across reruns on a shared cluster. */
  static String namespaceName(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName()).orElse("test")
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    String prefix = "t-" + method.substring(0, Math.min(method.length(), 48));
    return prefix.replaceAll("-+$", "") + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
  }
}
