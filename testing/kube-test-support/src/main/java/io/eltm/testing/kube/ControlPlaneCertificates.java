package io.eltm.testing.kube;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * The PKI of a throw-away control plane: a CA, the API server's serving certificate (for its addresses
 * and the in-cluster names), an admin client certificate in {@code system:masters}, and the key pair that
 * signs service-account tokens. The {@link #authority()} issues the node's certificates too.
 */
record ControlPlaneCertificates(Path caCert, Path serverCert, Path serverKey, Path adminCert,
    Path adminKey, Path serviceAccountKey, Path serviceAccountPublicKey, CertificateAuthority authority) {

  /** Generates everything into {@code dir}; the serving certificate covers loopback and {@code extraIps}. */
  static ControlPlaneCertificates generate(Path dir, List<String> extraIps) {
    CertificateAuthority ca = CertificateAuthority.create();
    ControlPlaneCertificates files = new ControlPlaneCertificates(dir.resolve("ca.crt"),
        dir.resolve("apiserver.crt"), dir.resolve("apiserver.key"), dir.resolve("admin.crt"),
        dir.resolve("admin.key"), dir.resolve("service-account.key"), dir.resolve("service-account.pub"), ca);
    ca.writeCertificate(files.caCert);
    List<String> ips = new ArrayList<>(List.of("127.0.0.1"));
    ips.addAll(extraIps);
    ca.issueServer(files.serverCert, files.serverKey, "kube-apiserver", ips, List.of("localhost", "kubernetes",
        "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"));
    // system:masters bypasses RBAC, as kubeadm's admin.conf does; RSA because Fabric8 reads this key.
    ca.issueClient(files.adminCert, files.adminKey, "eltm-admin", "system:masters", true);
    try {
      KeyPair serviceAccountKeys = CertificateAuthority.ecKeys();
      PrivateFiles.write(files.serviceAccountKey, CertificateAuthority.pem(serviceAccountKeys.getPrivate()));
      CertificateAuthority.writePublic(files.serviceAccountPublicKey, CertificateAuthority.pem(serviceAccountKeys.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate the service-account signing key in " + dir, e);
    }
    return files;
  }
}
