package io.eltm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code kubectl get eltm} shows desired and reported state side by side, in the documented column order. */
@ExtendWith(KubeControlPlaneExtension.class)
class KubectlGetEltmIT {

  @Test
  void getEltmShowsDesiredVersionGitShaSchemaAndPhase(KubeCluster cluster, Path kubeconfig, KubernetesClient admin,
      TestNamespace ns) throws Exception {
    Kubectl kubectl = new Kubectl(cluster, kubeconfig);
    InstalledCrds.apply(kubectl);
    admin.resources(EltmInstallation.class).inNamespace(ns.name()).resource(Examples.installation("etl", "etl-01"))
        .create();
    admin.resources(EltmInstallation.class).inNamespace(ns.name()).withName("etl").editStatus(installation -> {
      EltmInstallationStatus status = new EltmInstallationStatus();
      status.setVersion("8.4.1");
      status.setGitSha("3f2c9a1");
      Migrations migrations = new Migrations();
      migrations.setCurrent("12");
      status.setMigrations(migrations);
      status.setPhase(InstallationPhase.Upgrading);
      installation.setStatus(status);
      return installation;
    });

    String table = kubectl.run("get", "eltm", "-n", ns.name());

    String[] lines = table.strip().split("\n");
    assertThat(lines[0].split("\\s+")).containsExactly("NAME", "DESIRED", "VERSION", "GIT_SHA", "SCHEMA", "PHASE", "AGE");
    assertThat(lines[1].split("\\s+")).startsWith("etl", "8.4.2", "8.4.1", "3f2c9a1", "12", "Upgrading");
  }
}
