package io.eltm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The committed CRDs install with kubectl; the API server fills defaults and refuses invalid specs by field. */
@ExtendWith(KubeControlPlaneExtension.class)
class EltmInstallationValidationIT {

  private KubernetesClient admin;
  private TestNamespace ns;

  @BeforeEach
  void installCrds(KubeCluster cluster, Path kubeconfig, KubernetesClient admin, TestNamespace ns) throws Exception {
    this.admin = admin;
    this.ns = ns;
    String applied = InstalledCrds.apply(new Kubectl(cluster, kubeconfig));
    assertThat(applied).contains("eltminstallations.eltm.io", "eltmhosts.eltm.io", "eltmoperations.eltm.io",
        "validatingadmissionpolicy.admissionregistration.k8s.io/eltm-agent-confinement");
  }

  @Test
  void validInstallationIsAcceptedWithPolicyAndInstallDirDefaultsFilledIn() {
    EltmInstallation created = create(Examples.installation("etl", "etl-01"));

    assertThat(created.getSpec().getTarget().getHost().getInstallDir()).isEqualTo("/data/iserver");
    Policy policy = created.getSpec().getPolicy();
    assertThat(policy.getAutoRollback()).isTrue();
    assertThat(policy.getHealthTimeout()).isEqualTo(180);
    assertThat(policy.getAllowDowngrade()).isFalse();
    assertThat(policy.getPaused()).isFalse();
  }

  @Test
  void refusesVersionThatIsNotAReleaseVersionNamingSpecVersion() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.getSpec().setVersion("8.x");

    assertRefused(installation, "spec.version", "8.x");
  }

  @Test
  void refusesTargetWithBothHostAndWorkloadNamingBothFields() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.getSpec().getTarget().setWorkload(Examples.workload());

    assertRefused(installation, "spec.target", "set exactly one of spec.target.host or spec.target.workload");
  }

  @Test
  void refusesTargetWithNeitherHostNorWorkloadNamingBothFields() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.getSpec().setTarget(new Target());

    assertRefused(installation, "spec.target", "set exactly one of spec.target.host or spec.target.workload");
  }

  @Test
  void refusesFtpReleaseUrlNamingSpecReleaseUrl() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.getSpec().setRelease(new Release("ftp://releases.example.com/eltm-8.4.2.tar.gz", null));

    assertRefused(installation, "spec.release.url", "ftp://");
  }

  @Test
  void refusesInstallationWithoutSpec() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.setSpec(null);

    assertRefused(installation, "spec", "Required value");
  }

  @Test
  void workloadTargetIsAcceptedWithItsInstallDirDefault() {
    EltmInstallation installation = Examples.installation("etl-pods", "unused");
    installation.getSpec().getTarget().setHost(null);
    installation.getSpec().getTarget().setWorkload(Examples.workload());

    assertThat(create(installation).getSpec().getTarget().getWorkload().getInstallDir()).isEqualTo("/data/iserver");
  }

  @Test
  void workloadDatabasePasswordSecretKeyDefaultsToPassword() {
    EltmInstallation installation = Examples.installation("etl-pods", "unused");
    installation.getSpec().getTarget().setHost(null);
    WorkloadTarget workload = Examples.workload();
    SecretKeyReference password = new SecretKeyReference();
    password.setName("eltm-db");
    workload.setDatabasePassword(password);
    installation.getSpec().getTarget().setWorkload(workload);

    assertThat(create(installation).getSpec().getTarget().getWorkload().getDatabasePassword().getKey())
        .isEqualTo("password");
  }

  @Test
  void refusesWorkloadStatefulSetThatIsNotAnObjectNameNamingTheField() {
    EltmInstallation installation = Examples.installation("etl-pods", "unused");
    installation.getSpec().getTarget().setHost(null);
    WorkloadTarget workload = Examples.workload();
    workload.setStatefulSet("ELTM/prod");
    installation.getSpec().getTarget().setWorkload(workload);

    assertRefused(installation, "spec.target.workload.statefulSet", "should match");
  }

  private EltmInstallation create(EltmInstallation installation) {
    return admin.resources(EltmInstallation.class).inNamespace(ns.name()).resource(installation).create();
  }

  private void assertRefused(EltmInstallation installation, String field, String detail) {
    assertThatThrownBy(() -> create(installation))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining(field)
        .hasMessageContaining(detail);
    assertThat(admin.resources(EltmInstallation.class).inNamespace(ns.name()).list().getItems()).isEmpty();
  }
}
