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
  void refusesPlainHttpWithNothingToVerifyTheTarballNamingSpecReleaseUrl() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.getSpec().setRelease(new Release("http://releases.example.com/eltm-{version}.tar.gz", null));

    assertRefused(installation, "spec.release.url", Release.HTTP_NEEDS_CHECKSUM_MESSAGE);
  }

  @Test
  void refusesAChecksumUrlOverPlainHttpNamingSpecReleaseSha256Url() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.getSpec().setRelease(new Release("https://releases.example.com/eltm-{version}.tar.gz", null,
        "http://releases.example.com/eltm-{version}.tar.gz.sha256", null));

    assertRefused(installation, "spec.release.sha256Url", Release.HTTP_CHECKSUM_URL_MESSAGE);
  }

  @Test
  void refusesBothAPinnedDigestAndAChecksumUrl() {
    EltmInstallation installation = Examples.installation("etl", "etl-01");
    installation.getSpec().setRelease(new Release("https://releases.example.com/eltm-8.4.2.tar.gz", "ab".repeat(32),
        "https://releases.example.com/eltm-8.4.2.tar.gz.sha256", null));

    assertRefused(installation, "spec.release.sha256Url", Release.ONE_CHECKSUM_MESSAGE);
  }

  @Test
  void acceptsPlainHttpVerifiedByAChecksumFetchedOverTlsOrExplicitlyOptedIn() {
    EltmInstallation verified = Examples.installation("verified", "etl-01");
    verified.getSpec().setRelease(new Release("http://mirror.example/eltm-{version}.tar.gz", null,
        "https://releases.example.com/eltm-{version}.tar.gz.sha256", null));
    EltmInstallation optedIn = Examples.installation("opted-in", "etl-02");
    optedIn.getSpec().setRelease(new Release("http://mirror.example/eltm-{version}.tar.gz", null, null, true));

    assertThat(create(verified).getSpec().getRelease().getSha256Url()).endsWith("{version}.tar.gz.sha256");
    assertThat(create(optedIn).getSpec().getRelease().getAllowInsecureHttp()).isTrue();
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
