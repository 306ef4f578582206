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
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CA of a throw-away cluster (BouncyCastle), issuing the serving and client certificates of every
 * component as PEM files. Private keys are written owner-readable only.
 */
final class CertificateAuthority {

  private static final Duration VALIDITY = Duration.ofDays(7);

  private final X500Name name = new X500Name("CN=eltm-test-ca");
  private final KeyPair keys;
  private final X509Certificate certificate;

  private CertificateAuthority() {
    try {
      this.keys = ecKeys();
      this.certificate = sign(name, keys, true, List.of(), null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the test cluster's CA", e);
    }
  }

  static CertificateAuthority create() {
    return new CertificateAuthority();
  }

  void writeCertificate(Path file) {
    writePublic(file, pem(certificate));
  }

  /** The CA's own key, for kube-controller-manager's CSR signer. */
  void writeKey(Path file) {
    PrivateFiles.write(file, pem(keys.getPrivate()));
  }

  /** A serving certificate for the given IP addresses and DNS names. */
  void issueServer(Path cert, Path key, String commonName, List<String> ips, List<String> dnsNames) {
    List<GeneralName> altNames = new ArrayList<>();
    ips.forEach(ip -> altNames.add(new GeneralName(GeneralName.iPAddress, ip)));
    dnsNames.forEach(dns -> altNames.add(new GeneralName(GeneralName.dNSName, dns)));
    issue(cert, key, new X500Name("CN=" + commonName), altNames, KeyPurposeId.id_kp_serverAuth, false);
  }

  /**
   * A client certificate; the API server maps CN to the user and O to its groups. {@code rsa} for
   * clients that read the key through Fabric8, which takes PKCS#8 RSA keys but not the SEC1 form of EC keys.
   */
  void issueClient(Path cert, Path key, String user, String group, boolean rsa) {
    X500Name subject = new X500Name((group == null ? "" : "O=" + group + ",") + "CN=" + user);
    issue(cert, key, subject, List.of(), KeyPurposeId.id_kp_clientAuth, rsa);
  }

  private void issue(Path cert, Path key, X500Name subject, List<GeneralName> altNames, KeyPurposeId purpose,
      boolean rsa) {
    try {
      KeyPair subjectKeys = rsa ? rsaKeys() : ecKeys();
      writePublic(cert, pem(sign(subject, subjectKeys, false, altNames, purpose)));
      PrivateFiles.write(key, pem(subjectKeys.getPrivate()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a certificate for " + subject, e);
    }
  }

  private X509Certificate sign(X500Name subject, KeyPair subjectKeys, boolean isCa, List<GeneralName> altNames,
      KeyPurposeId purpose) throws GeneralSecurityException {
    try {
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      builder.addExtension(Extension.keyUsage, true, isCa
          ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
          : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (purpose != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (!altNames.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(altNames.toArray(GeneralName[]::new)));
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
      throw new GeneralSecurityException("cannot sign a certificate for " + subject, e);
    }
  }

  /** RSA 2048 only where Fabric8 reads the key (see {@link #issueClient}). */
  private static KeyPair rsaKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /**
   * ECDSA P-256 everywhere else: generating RSA keys took 1.3-2.8 s of the start on the shared 2-core
   * machine, P-256 takes milliseconds. The API server signs service-account tokens with it as ES256.
   */
  static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      // EC keys as PKCS#8 "PRIVATE KEY", which Go reads (it refuses BouncyCastle's SEC1 form of them);
      // RSA keys as PKCS#1 "RSA PRIVATE KEY", which Fabric8 and Go read.
      writer.writeObject(object instanceof PrivateKey key && "EC".equals(key.getAlgorithm())
          ? new JcaPKCS8Generator(key, null) : object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static void writePublic(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
