package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension in K3s mode (Testcontainers). Where there is no Docker engine, as on the project's CI
 * machine, this reports itself skipped with a message instead of passing silently. The whole suite runs
 * on K3s with {@code -Deltm.kube.cluster=k3s}.
 */
class K3sModeIT {

  @RegisterExtension
  static final KubeControlPlaneExtension K3S = KubeControlPlaneExtension.k3s();

  @Test
  void k3sClusterStoresObjectsInTheTestNamespace(KubernetesClient admin, TestNamespace ns) {
    admin.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder()
        .withNewMetadata().withName("on-k3s").endMetadata().build()).create();

    assertThat(admin.configMaps().inNamespace(ns.name()).withName("on-k3s").get()).isNotNull();
  }
}
