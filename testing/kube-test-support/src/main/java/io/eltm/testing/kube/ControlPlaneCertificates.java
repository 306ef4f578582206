package io.eltm.testing.kube;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The PKI of a throw-away control plane, generated with BouncyCastle and written as PEM files: a CA,
 * the API server's serving certificate (for 127.0.0.1 and the in-cluster names), an admin client
 * certificate in {@code system:masters}, and the key pair that signs service-account tokens.
 * Private keys are written owner-readable only.
 */
public record ControlPlaneCertificates(Path caCert, Path serverCert, Path serverKey, Path adminCert,
    Path adminKey, Path serviceAccountKey, Path serviceAccountPublicKey) {

  private static final Duration VALIDITY = Duration.ofDays(7);

  /** Generates everything into {@code dir}. */
  public static ControlPlaneCertificates generate(Path dir) {
    try {
      KeyPair caKeys = ecKeys();
      X500Name caName = new X500Name("CN=eltm-test-ca");
      X509Certificate ca = sign(caName, caKeys, caName, caKeys, true, List.of(), null);

      KeyPair serverKeys = ecKeys();
      X509Certificate server = sign(new X500Name("CN=kube-apiserver"), serverKeys, caName, caKeys, false,
          List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "10.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.dNSName, "kubernetes"),
              new GeneralName(GeneralName.dNSName, "kubernetes.default"),
              new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"),
              new GeneralName(GeneralName.dNSName, "kubernetes.default.svc.cluster.local")),
          KeyPurposeId.id_kp_serverAuth);

      // The API server maps O= to groups: system:masters bypasses RBAC, as kubeadm's admin.conf does.
      KeyPair adminKeys = rsaKeys();
      X509Certificate admin = sign(new X500Name("O=system:masters,CN=eltm-admin"), adminKeys, caName, caKeys,
          false, List.of(), KeyPurposeId.id_kp_clientAuth);

      KeyPair serviceAccountKeys = ecKeys();

      ControlPlaneCertificates files = new ControlPlaneCertificates(dir.resolve("ca.crt"),
          dir.resolve("apiserver.crt"), dir.resolve("apiserver.key"), dir.resolve("admin.crt"),
          dir.resolve("admin.key"), dir.resolve("service-account.key"), dir.resolve("service-account.pub"));
      writePublic(files.caCert, pem(ca));
      writePublic(files.serverCert, pem(server));
      PrivateFiles.write(files.serverKey, pem(serverKeys.getPrivate()));
      writePublic(files.adminCert, pem(admin));
      PrivateFiles.write(files.adminKey, pem(adminKeys.getPrivate()));
      PrivateFiles.write(files.serviceAccountKey, pem(serviceAccountKeys.getPrivate()));
      writePublic(files.serviceAccountPublicKey, pem(serviceAccountKeys.getPublic()));
      return files;
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot generate the control plane's certificates in " + dir, e);
    }
  }

  /**
   * The admin client key stays RSA: Fabric8 (which reads it from the kubeconfig, in tests and in
   * processes under test) takes a PKCS#8 key for RSA and fails on the SEC1 form of EC keys.
   */
  private static KeyPair rsaKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /**
   * ECDSA P-256 for the CA, the serving certificate and the token signing key, rather than RSA 2048:
   * generating four RSA keys took 1.3-2.8 s of the start on the shared
   * 2-core machine, P-256 takes milliseconds. The API server signs service-account tokens with it as ES256.
   */
  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
      boolean isCa, List<GeneralName> altNames, KeyPurposeId purpose)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
        new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    builder.addExtension(Extension.keyUsage, true, isCa
        ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
        : new KeyUsage(KeyUsage.digitalSignature));
    if (purpose != null) {
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }
    if (!altNames.isEmpty()) {
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(altNames.toArray(GeneralName[]::new)));
    }
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }

  private static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      // EC keys as PKCS#8 "PRIVATE KEY", which Go reads (it refuses BouncyCastle's SEC1 form of them);
      // the RSA admin key as PKCS#1 "RSA PRIVATE KEY", which Fabric8 and Go read.
      writer.writeObject(object instanceof PrivateKey key && "EC".equals(key.getAlgorithm())
          ? new JcaPKCS8Generator(key, null) : object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writePublic(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
