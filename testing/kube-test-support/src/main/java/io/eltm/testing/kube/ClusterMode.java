package io.eltm.testing.kube;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which cluster the tests talk to. Chosen by the system property {@code eltm.kube.cluster} or the
 * environment variable {@code ELTM_KUBE_CLUSTER} ({@code local}, {@code kubeconfig}, {@code k3s});
 * naming a kubeconfig with {@code eltm.kube.kubeconfig} / {@code ELTM_KUBECONFIG} implies
 * {@code kubeconfig}. The default is {@code local}: etcd and kube-apiserver built from source.
 */
public enum ClusterMode {
  /** etcd + kube-apiserver from {@code testing/control-plane/build.sh}, one per test JVM. */
  LOCAL,
  /** An existing cluster named by a kubeconfig file; the tests need cluster-admin rights there. */
  KUBECONFIG,
  /** K3s in a container through Testcontainers; needs a Docker engine. */
  K3S,
  /**
   * The one-node cluster that {@code testing/control-plane/start.sh --node} runs as root for a whole test
   * run ({@link NodeCluster}), named by {@code eltm.kube.node.kubeconfig} / {@code ELTM_NODE_KUBECONFIG}.
   * Chosen by tests that need pods to run ({@link KubeControlPlaneExtension#node()}), never by default.
   */
  NODE;

  public static final String MODE_PROPERTY = "eltm.kube.cluster";
  public static final String MODE_ENV = "ELTM_KUBE_CLUSTER";
  public static final String KUBECONFIG_PROPERTY = "eltm.kube.kubeconfig";
  public static final String KUBECONFIG_ENV = "ELTM_KUBECONFIG";
  public static final String NODE_KUBECONFIG_PROPERTY = "eltm.kube.node.kubeconfig";
  public static final String NODE_KUBECONFIG_ENV = "ELTM_NODE_KUBECONFIG";
  public static final String NODE_AUDIT_LOG_PROPERTY = "eltm.kube.node.audit-log";
  public static final String NODE_AUDIT_LOG_ENV = "ELTM_NODE_AUDIT_LOG";

  public static ClusterMode fromEnvironment() {
    return fromEnvironment(System.getProperties(), System.getenv());
  }

  static ClusterMode fromEnvironment(Properties properties, Map<String, String> env) {
    String mode = setting(properties, env, MODE_PROPERTY, MODE_ENV).orElse(null);
    if (mode == null) {
      return kubeconfigFromEnvironment(properties, env).isPresent() ? KUBECONFIG : LOCAL;
    }
    try {
      return valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(MODE_PROPERTY + "/" + MODE_ENV + " is '" + mode
          + "'; use local, kubeconfig or k3s", e);
    }
  }

  /** The kubeconfig named for {@link #KUBECONFIG} mode, if any. */
  public static Optional<Path> kubeconfigFromEnvironment() {
    return kubeconfigFromEnvironment(System.getProperties(), System.getenv());
  }

  static Optional<Path> kubeconfigFromEnvironment(Properties properties, Map<String, String> env) {
    return setting(properties, env, KUBECONFIG_PROPERTY, KUBECONFIG_ENV).map(Path::of);
  }

  /** The node cluster's kubeconfig, if a launcher runs one for this test run. */
  public static Optional<Path> nodeKubeconfigFromEnvironment() {
    return setting(System.getProperties(), System.getenv(), NODE_KUBECONFIG_PROPERTY, NODE_KUBECONFIG_ENV).map(Path::of);
  }

  /** The node cluster's API server audit log ({@code --audit-log-out} of its launcher), if it writes one. */
  public static Optional<Path> nodeAuditLogFromEnvironment() {
    return setting(System.getProperties(), System.getenv(), NODE_AUDIT_LOG_PROPERTY, NODE_AUDIT_LOG_ENV).map(Path::of);
  }

  private static Optional<String> setting(Properties properties, Map<String, String> env, String property,
      String variable) {
    String value = properties.getProperty(property, env.get(variable));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
