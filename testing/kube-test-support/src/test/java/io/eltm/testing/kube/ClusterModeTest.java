package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClusterModeTest {

  @Test
  void localControlPlaneIsTheDefault() {
    assertThat(ClusterMode.fromEnvironment(new Properties(), Map.of())).isEqualTo(ClusterMode.LOCAL);
  }

  @Test
  void namingAKubeconfigSelectsThatCluster() {
    Map<String, String> env = Map.of("ELTM_KUBECONFIG", "/tmp/staging.kubeconfig");

    assertThat(ClusterMode.fromEnvironment(new Properties(), env)).isEqualTo(ClusterMode.KUBECONFIG);
    assertThat(ClusterMode.kubeconfigFromEnvironment(new Properties(), env)).contains(Path.of("/tmp/staging.kubeconfig"));
  }

  @Test
  void systemPropertyWinsOverEnvironment() {
    Properties properties = new Properties();
    properties.setProperty("eltm.kube.cluster", "k3s");

    assertThat(ClusterMode.fromEnvironment(properties, Map.of("ELTM_KUBE_CLUSTER", "local"))).isEqualTo(ClusterMode.K3S);
  }

  @Test
  void unknownModeIsRefusedListingTheValidOnes() {
    assertThatThrownBy(() -> ClusterMode.fromEnvironment(new Properties(), Map.of("ELTM_KUBE_CLUSTER", "kind")))
        .hasMessageContaining("'kind'").hasMessageContaining("local, kubeconfig or k3s");
  }
}
