package io.eltm.testing.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The kube-apiserver, etcd and kubectl binaries that {@code testing/control-plane/build.sh} builds into
 * {@code <cache>/<kubernetes version>/}. The cache is {@code ~/.cache/eltm/control-plane} unless the
 * system property {@code eltm.control-plane.cache} or the environment variable
 * {@code ELTM_CONTROL_PLANE_CACHE} names another one (the build script honours the same variable).
 */
public record KubeBinaries(String kubernetesVersion, Path directory) {

  public static final String CACHE_PROPERTY = "eltm.control-plane.cache";
  public static final String CACHE_ENV = "ELTM_CONTROL_PLANE_CACHE";

  /** The binaries of the pinned Kubernetes version in the configured cache; they may not exist yet. */
  public static KubeBinaries fromCache() {
    return fromCache(System.getProperties(), System.getenv());
  }

  static KubeBinaries fromCache(Properties properties, Map<String, String> env) {
    String cache = properties.getProperty(CACHE_PROPERTY, env.get(CACHE_ENV));
    Path root = cache != null && !cache.isBlank()
        ? Path.of(cache)
        : Path.of(properties.getProperty("user.home"), ".cache", "eltm", "control-plane");
    String version = pinnedVersion();
    return new KubeBinaries(version, root.resolve(version));
  }

  /** The Kubernetes version this module was built for, e.g. {@code v1.36.3}. */
  public static String pinnedVersion() {
    try (InputStream in = KubeBinaries.class.getResourceAsStream("control-plane.properties")) {
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("kubernetes.version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read control-plane.properties from the class path", e);
    }
  }

  public Path kubeApiServer() {
    return existing("kube-apiserver");
  }

  public Path etcd() {
    return existing("etcd");
  }

  public Path kubectl() {
    return existing("kubectl");
  }

  /**
   * kube-controller-manager, kube-scheduler, kubelet or kube-proxy: the node's binaries, built by the
   * same script.
   */
  public Path nodeBinary(String name) {
    return existing(name);
  }

  /** True when all three control-plane binaries are there and executable. */
  public boolean present() {
    return Files.isExecutable(directory.resolve("kube-apiserver"))
        && Files.isExecutable(directory.resolve("etcd"))
        && Files.isExecutable(directory.resolve("kubectl"));
  }

  private Path existing(String name) {
    Path binary = directory.resolve(name);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(name + " " + kubernetesVersion + " is missing: no executable " + binary
          + ". Build the control plane once (about 11 min cold) as the user running the tests: "
          + "bash testing/control-plane/build.sh  (CI's .ci/run does this).");
    }
    return binary;
  }
}
