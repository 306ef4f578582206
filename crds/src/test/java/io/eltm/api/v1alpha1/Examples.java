package io.eltm.api.v1alpha1;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Valid resources as a user (or the operator) would write them; tests break one thing at a time. */
final class Examples {

  static final String RELEASE_TEMPLATE = "https://releases.example.com/eltm-{version}.tar.gz";

  private Examples() {
  }

  /** An installation of 8.4.2 on host {@code host}, leaving every defaultable field unset. */
  static EltmInstallation installation(String name, String host) {
    EltmInstallation installation = new EltmInstallation();
    installation.setMetadata(meta(name));
    EltmInstallationSpec spec = new EltmInstallationSpec();
    spec.setVersion("8.4.2");
    spec.setRelease(new Release(RELEASE_TEMPLATE, null));
    Target target = new Target();
    HostTarget hostTarget = new HostTarget();
    hostTarget.setName(host);
    target.setHost(hostTarget);
    spec.setTarget(target);
    installation.setSpec(spec);
    return installation;
  }

  static WorkloadTarget workload() {
    WorkloadTarget workload = new WorkloadTarget();
    workload.setStatefulSet("eltm");
    workload.setVolumeClaim("iserver-eltm-0");
    return workload;
  }

  /** An upgrade of installation {@code installation} to 8.4.2 on host {@code host}, labelled for that host. */
  static EltmOperation upgrade(String name, String installation, String host) {
    EltmOperation operation = new EltmOperation();
    operation.setMetadata(new ObjectMetaBuilder(meta(name)).addToLabels(EltmOperation.HOST_LABEL, host).build());
    EltmOperationSpec spec = new EltmOperationSpec();
    spec.setInstallation(new InstallationRef("default", installation, "uid-of-" + installation));
    spec.setHost(host);
    spec.setType(OperationType.UPGRADE);
    spec.setRelease(new Release("https://releases.example.com/eltm-8.4.2.tar.gz", "ab".repeat(32)));
    spec.setTargetVersion("8.4.2");
    operation.setSpec(spec);
    return operation;
  }

  static EltmHost host(String name) {
    EltmHost host = new EltmHost();
    host.setMetadata(meta(name));
    EltmHostSpec spec = new EltmHostSpec();
    spec.setDescription("test host " + name);
    host.setSpec(spec);
    return host;
  }

  private static ObjectMeta meta(String name) {
    return new ObjectMetaBuilder().withName(name).build();
  }
}
