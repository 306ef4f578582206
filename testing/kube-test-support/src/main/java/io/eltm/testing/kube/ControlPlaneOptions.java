package io.eltm.testing.kube;

import java.util.List;
import java.util.function.Function;

/**
 * Where the API server listens and what it is given beyond the defaults: loopback for the bare control
 * plane; the node's bridge address (reachable from pods, still on this machine) for a cluster with a node.
 *
 * @param address the address kube-apiserver binds to and advertises
 * @param serviceCidr the Service range; its first address is the {@code kubernetes} Service
 * @param serviceIp that first address (in the serving certificate)
 * @param extraFlags flags added to the bare control plane's, given its certificates (the node's files are
 *     issued by the same CA)
 */
record ControlPlaneOptions(String address, String serviceCidr, String serviceIp,
    Function<ControlPlaneCertificates, List<String>> extraFlags) {

  static ControlPlaneOptions loopback() {
    return new ControlPlaneOptions("127.0.0.1", "10.0.0.0/24", "10.0.0.1", pki -> List.of());
  }
}
