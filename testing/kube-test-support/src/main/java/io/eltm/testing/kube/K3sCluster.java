package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * K3s in a container (Testcontainers), for running the same tests against a full distribution with
 * nodes and controllers. Needs a Docker engine; {@link #dockerAvailable()} says whether there is one.
 */
public final class K3sCluster {

  /** Override with the system property {@code eltm.kube.k3s.image}. */
  public static final String DEFAULT_IMAGE = "rancher/k3s:v1.36.3-k3s1";

  private K3sCluster() {
  }

  public static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static KubeCluster start() {
    String image = System.getProperty("eltm.kube.k3s.image", DEFAULT_IMAGE);
    K3sContainer k3s = new K3sContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("rancher/k3s"));
    k3s.start();
    try {
      Path dir = Files.createTempDirectory("eltm-k3s-");
      Path kubeconfig = dir.resolve("admin.kubeconfig");
      PrivateFiles.write(kubeconfig, k3s.getKubeConfigYaml());
      return new KubeCluster("K3s " + image + " (Testcontainers)", kubeconfig, dir, false, () -> {
        k3s.stop();
        TempDirectories.deleteRecursively(dir);
      });
    } catch (IOException e) {
      k3s.stop();
      throw new UncheckedIOException("cannot write the K3s kubeconfig", e);
    }
  }
}
