package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Identities, configuration files and command lines of the node's components: kube-controller-manager,
 * kube-scheduler, the kubelet and kube-proxy. Each gets a client certificate in the identity the
 * bootstrap RBAC roles (and Node authorization, for the kubelet) expect, as kubeadm issues them.
 */
final class NodeComponents {

  static final String NODE_NAME = "eltm-node";

  private final KubeBinaries binaries;
  private final ControlPlaneCertificates pki;
  private final String server;
  private final Path dir;

  NodeComponents(KubeBinaries binaries, ControlPlaneCertificates pki, String server, Path dir) {
    this.binaries = binaries;
    this.pki = pki;
    this.server = server;
    this.dir = dir;
  }

  /**
   * The API server's flags for a node: Node authorization and NodeRestriction for the kubelet, the client
   * certificate it shows the kubelet (logs, exec), and the node's internal address for reaching it (the
   * node name resolves nowhere).
   */
  static List<String> apiServerFlags(Path dir, CertificateAuthority ca) {
    Path cert = dir.resolve("apiserver-kubelet-client.crt");
    Path key = dir.resolve("apiserver-kubelet-client.key");
    ca.issueClient(cert, key, "kube-apiserver-kubelet-client", "system:masters", false);
    return List.of("--authorization-mode=Node,RBAC",
        "--enable-admission-plugins=ValidatingAdmissionPolicy,NodeRestriction",
        "--kubelet-client-certificate=" + cert, "--kubelet-client-key=" + key,
        "--kubelet-preferred-address-types=InternalIP");
  }

  List<String> controllerManager() {
    Path kubeconfig = kubeconfigFor("kube-controller-manager", "system:kube-controller-manager", null);
    Path caKey = dir.resolve("ca.key");
    pki.authority().writeKey(caKey);
    return List.of(binaries.nodeBinary("kube-controller-manager").toString(),
        "--kubeconfig=" + kubeconfig, "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1", "--secure-port=" + LocalControlPlane.freePort(),
        "--leader-elect=false", "--use-service-account-credentials=true",
        "--service-account-private-key-file=" + pki.serviceAccountKey(), "--root-ca-file=" + pki.caCert(),
        "--cluster-signing-cert-file=" + pki.caCert(), "--cluster-signing-key-file=" + caKey,
        "--cluster-name=eltm", "--allocate-node-cidrs=false", "--v=1");
  }

  List<String> scheduler() {
    Path kubeconfig = kubeconfigFor("kube-scheduler", "system:kube-scheduler", null);
    return List.of(binaries.nodeBinary("kube-scheduler").toString(),
        "--kubeconfig=" + kubeconfig, "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1", "--secure-port=" + LocalControlPlane.freePort(),
        "--leader-elect=false", "--v=1");
  }

  /** The kubelet as {@code system:node:eltm-node}; cgroupfs on cgroup v1 (no systemd on this machine). */
  List<String> kubelet(Path containerdSocket) {
    Path kubeconfig = kubeconfigFor("kubelet", "system:node:" + NODE_NAME, "system:nodes");
    Path config = write("kubelet.yaml", """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        address: %s
        port: %d
        readOnlyPort: 0
        healthzBindAddress: 127.0.0.1
        healthzPort: %d
        authentication:
          anonymous: {enabled: false}
          webhook: {enabled: true}
          x509: {clientCAFile: %s}
        authorization: {mode: Webhook}
        cgroupDriver: cgroupfs
        failCgroupV1: false
        failSwapOn: false
        containerRuntimeEndpoint: unix://%s
        # No DNS server here: pods resolve nothing rather than asking the machine's resolvers.
        resolvConf: ""
        clusterDomain: cluster.local
        # Imported images can never be pulled again: never collect them.
        imageGCHighThresholdPercent: 100
        imageGCLowThresholdPercent: 99
        evictionHard: {memory.available: "100Mi", nodefs.available: "1%%", imagefs.available: "1%%"}
        serializeImagePulls: false
        maxPods: 60
        """.formatted(NodeNetwork.NODE_IP, LocalControlPlane.freePort(), LocalControlPlane.freePort(), pki.caCert(),
        containerdSocket));
    return List.of(binaries.nodeBinary("kubelet").toString(),
        "--config=" + config, "--kubeconfig=" + kubeconfig,
        "--root-dir=" + dir.resolve("kubelet"), "--cert-dir=" + dir.resolve("kubelet-pki"),
        "--node-ip=" + NodeNetwork.NODE_IP, "--hostname-override=" + NODE_NAME, "--v=1");
  }

  /** iptables mode; conntrack sysctls left as they are; node ports on the bridge address only. */
  List<String> kubeProxy() {
    Path kubeconfig = kubeconfigFor("kube-proxy", "system:kube-proxy", null);
    Path config = write("kube-proxy.yaml", """
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        clientConnection: {kubeconfig: %s}
        mode: iptables
        clusterCIDR: %s
        hostnameOverride: %s
        healthzBindAddress: 127.0.0.1:%d
        metricsBindAddress: 127.0.0.1:%d
        nodePortAddresses: ["%s/32"]
        conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
        """.formatted(kubeconfig, NodeNetwork.POD_CIDR, NODE_NAME, LocalControlPlane.freePort(),
        LocalControlPlane.freePort(), NodeNetwork.NODE_IP));
    return List.of(binaries.nodeBinary("kube-proxy").toString(), "--config=" + config, "--v=1");
  }

  /** {@code kube-proxy --cleanup}: removes every rule and chain kube-proxy made. */
  List<String> kubeProxyCleanup() {
    return List.of(binaries.nodeBinary("kube-proxy").toString(), "--cleanup", "--v=1");
  }

  private Path kubeconfigFor(String component, String user, String group) {
    Path cert = dir.resolve(component + ".crt");
    Path key = dir.resolve(component + ".key");
    pki.authority().issueClient(cert, key, user, group, false);
    try {
      return Kubeconfig.withClientCertificate(dir.resolve(component + ".kubeconfig"), server,
          Files.readString(pki.caCert()), Files.readString(cert), Files.readString(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the certificates of " + component, e);
    }
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + " in " + dir, e);
    }
  }
}
