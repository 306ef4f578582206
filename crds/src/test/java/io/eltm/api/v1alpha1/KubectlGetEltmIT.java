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
      LastUpgrade last = new LastUpgrade();
      last.setResult(OperationResult.Succeeded);
      status.setLastUpgrade(last);
      installation.setStatus(status);
      return installation;
    });

    String table = kubectl.run("get", "eltm", "-n", ns.name());

    String[] lines = table.strip().split("\n");
    assertThat(lines[0].split("\\s+")).containsExactly("NAME", "DESIRED", "VERSION", "HOST", "SCHEMA", "PHASE", "LAST",
        "AGE");
    assertThat(lines[1].split("\\s+")).startsWith("etl", "8.4.2", "8.4.1", "etl-01", "12", "Upgrading", "Succeeded");
    String wide = kubectl.run("get", "eltm", "-n", ns.name(), "-o", "wide").strip().split("\n")[0];
    assertThat(wide.split("\\s+")).containsExactly("NAME", "DESIRED", "VERSION", "HOST", "SCHEMA", "PHASE", "LAST",
        "GIT_SHA", "AGE");
  }

  @Test
  void getEltmopShowsStepAndErrorAndGetEltmhostShowsConnected(KubeCluster cluster, Path kubeconfig,
      KubernetesClient admin, TestNamespace ns) throws Exception {
    Kubectl kubectl = new Kubectl(cluster, kubeconfig);
    InstalledCrds.apply(kubectl);
    admin.resources(EltmOperation.class).inNamespace(ns.name()).resource(Examples.upgrade("up-1", "etl", "etl-01"))
        .create();
    admin.resources(EltmOperation.class).inNamespace(ns.name()).withName("up-1").editStatus(op -> {
      EltmOperationStatus status = new EltmOperationStatus();
      status.setPhase(OperationPhase.RolledBack);
      OperationStep fetch = new OperationStep();
      fetch.setName("fetch");
      OperationStep migrate = new OperationStep();
      migrate.setName("migrate");
      status.setSteps(java.util.List.of(fetch, migrate));
      status.setError(new OperationError(4, "V5-failed"));
      op.setStatus(status);
      return op;
    });
    EltmHost host = new EltmHost();
    host.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("etl-01").build());
    admin.resources(EltmHost.class).inNamespace(ns.name()).resource(host).create();
    admin.resources(EltmHost.class).inNamespace(ns.name()).withName("etl-01").editStatus(h -> {
      EltmHostStatus status = new EltmHostStatus();
      status.setConnected("True");
      h.setStatus(status);
      return h;
    });

    String[] ops = kubectl.run("get", "eltmop", "-n", ns.name()).strip().split("\n");
    assertThat(ops[0].split("\\s+")).containsExactly("NAME", "INSTALLATION", "TYPE", "TARGET", "PHASE", "STEP",
        "ERROR", "AGE");
    assertThat(ops[1].split("\\s+")).startsWith("up-1", "etl", "upgrade", "8.4.2", "RolledBack", "migrate",
        "V5-failed");
    String[] hosts = kubectl.run("get", "eltmhost", "-n", ns.name()).strip().split("\n");
    assertThat(hosts[0].split("\\s+")).containsExactly("NAME", "AGENT", "HEARTBEAT", "INSTALLS", "CONNECTED", "AGE");
    assertThat(hosts[1]).contains("True");
  }
}
