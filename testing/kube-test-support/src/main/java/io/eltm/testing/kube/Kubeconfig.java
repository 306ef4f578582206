package io.eltm.testing.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes self-contained kubeconfig files (certificates and keys inlined as base64 data), readable by
 * kubectl, Fabric8 and any process under test. They hold credentials, so they are owner-readable only.
 */
final class Kubeconfig {

  private Kubeconfig() {
  }

  /** A kubeconfig authenticating with a client certificate. */
  static Path withClientCertificate(Path file, String server, String caPem, String certPem, String keyPem) {
    return write(file, "eltm-admin", server, caPem, new AuthInfoBuilder()
        .withClientCertificateData(base64(certPem))
        .withClientKeyData(base64(keyPem))
        .build());
  }

  /** A kubeconfig authenticating with a bearer token (a ServiceAccount's TokenRequest token). */
  static Path withToken(Path file, String user, String server, String caPem, String token) {
    return write(file, user, server, caPem, new AuthInfoBuilder().withToken(token).build());
  }

  private static Path write(Path file, String user, String server, String caPem, AuthInfo auth) {
    var config = new ConfigBuilder()
        .withApiVersion("v1")
        .withKind("Config")
        .addNewCluster().withName("eltm").withNewCluster()
            .withServer(server)
            // No CA: the cluster's certificate is checked against the system's trusted roots.
            .withCertificateAuthorityData(caPem == null ? null : base64(caPem))
        .endCluster().endCluster()
        .addNewUser().withName(user).withUser(auth).endUser()
        .addNewContext().withName("eltm").withNewContext()
            .withCluster("eltm").withUser(user).withNamespace("default")
        .endContext().endContext()
        .withCurrentContext("eltm")
        .build();
    PrivateFiles.write(file, new KubernetesSerialization().asYaml(config));
    return file;
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
