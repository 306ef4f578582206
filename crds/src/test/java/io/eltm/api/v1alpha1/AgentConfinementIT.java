package io.eltm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * crds/agent-confinement.yaml keeps agent eltm-agent-x to its own operations, EltmHost and Lease although its
 * Role (as host add grants it) allows those writes on every object of the type in the namespace.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class AgentConfinementIT {

  private static final String POLICY = "ValidatingAdmissionPolicy 'eltm-agent-confinement'";

  private KubernetesClient admin;
  private TestNamespace ns;
  private KubernetesClient agentX;

  @BeforeEach
  void twoHostsWithOneOperationEach(KubeCluster cluster, Path kubeconfig, KubernetesClient admin, TestNamespace ns)
      throws Exception {
    this.admin = admin;
    this.ns = ns;
    InstalledCrds.apply(new Kubectl(cluster, kubeconfig));
    for (String host : List.of("x", "y")) {
      AgentRole.grant(admin, ns.name(), host);
      admin.resources(EltmHost.class).inNamespace(ns.name()).resource(Examples.host(host)).create();
      admin.resources(EltmOperation.class).inNamespace(ns.name())
          .resource(Examples.upgrade("etl-" + host + "-upgrade", "etl-" + host, host)).create();
    }
    agentX = cluster.clientAs(ns.name(), EltmHost.agentServiceAccount("x"));
    awaitPolicyAndRoleInForce();
  }

  @Test
  void agentUpdatesStatusOfItsOwnOperationItsOwnHostAndItsOwnLease() {
    agentX.resources(EltmOperation.class).inNamespace(ns.name()).withName("etl-x-upgrade")
        .editStatus(op -> withPhase(op, OperationPhase.Running));
    agentX.resources(EltmHost.class).inNamespace(ns.name()).withName("x").editStatus(host -> withAgent(host, "1.0"));
    agentX.resources(Lease.class).inNamespace(ns.name()).resource(lease("eltm-agent-x")).create();

    assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).withName("etl-x-upgrade").get()
        .getStatus().getPhase()).isEqualTo(OperationPhase.Running);
    assertThat(admin.resources(EltmHost.class).inNamespace(ns.name()).withName("x").get()
        .getStatus().getAgentVersion()).isEqualTo("1.0");
  }

  @Test
  void agentIsDeniedStatusOfAnotherHostsOperationNamingThePolicy() {
    assertDeniedByPolicy(() -> agentX.resources(EltmOperation.class).inNamespace(ns.name()).withName("etl-y-upgrade")
        .editStatus(op -> withPhase(op, OperationPhase.Succeeded)),
        "eltm agent x may write only EltmOperations labelled eltm.io/host=x, not etl-y-upgrade");
    assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).withName("etl-y-upgrade").get()
        .getStatus()).isNull();
  }

  @Test
  void agentIsDeniedStatusOfAnotherHostNamingThePolicy() {
    assertDeniedByPolicy(() -> agentX.resources(EltmHost.class).inNamespace(ns.name()).withName("y")
        .editStatus(host -> withAgent(host, "6.6.6")), "eltm agent x may write only EltmHost x, not y");
    assertThat(admin.resources(EltmHost.class).inNamespace(ns.name()).withName("y").get().getStatus()).isNull();
  }

  @Test
  void agentIsDeniedAnotherHostsLease() {
    assertDeniedByPolicy(() -> agentX.resources(Lease.class).inNamespace(ns.name()).resource(lease("eltm-agent-y"))
        .create(), "eltm agent x may write only Lease eltm-agent-x, not eltm-agent-y");
  }

  @Test
  void agentMistakenlyGrantedInstallationWritesIsStillDeniedAnyInstallationSpecChange() {
    admin.resources(EltmInstallation.class).inNamespace(ns.name()).resource(Examples.installation("etl-x", "x"))
        .create();
    grantInstallationEdit("eltm-agent-x");

    // RBAC now allows it (the first attempts may still meet the old RBAC view): only the policy stands in the way.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertDeniedByPolicy(() ->
        agentX.resources(EltmInstallation.class).inNamespace(ns.name()).withName("etl-x").edit(installation -> {
          installation.getSpec().setVersion("1.0");
          return installation;
        }), "eltm agents may not write EltmInstallations"));
    assertThat(admin.resources(EltmInstallation.class).inNamespace(ns.name()).withName("etl-x").get()
        .getSpec().getVersion()).isEqualTo("8.4.2");
  }

  /**
   * The limit, stated as a test: reads never reach admission, and RBAC cannot filter list/watch by label, so
   * an agent's credential reads every operation in its namespace. docs/resources.md says how to confine reads.
   */
  @Test
  void agentCanStillReadOtherHostsOperationsInItsNamespace() {
    assertThat(agentX.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems())
        .extracting(op -> op.getMetadata().getName()).contains("etl-y-upgrade");
  }

  /** The read confinement that does work: an agent registered in another namespace reads nothing here. */
  @Test
  void agentOfAnotherNamespaceCannotReadOperationsHere(KubeCluster cluster) {
    TestNamespace other = cluster.createNamespace(ns.name() + "-z");
    try {
      AgentRole.grant(admin, other.name(), "z");
      KubernetesClient agentZ = cluster.clientAs(other.name(), EltmHost.agentServiceAccount("z"));
      await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
          agentZ.resources(EltmOperation.class).inNamespace(other.name()).list() != null);

      assertThatThrownBy(() -> agentZ.resources(EltmOperation.class).inNamespace(ns.name()).list())
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403))
          .hasMessageContaining("cannot list resource \"eltmoperations\"");
    } finally {
      cluster.deleteNamespace(other);
    }
  }

  /** The policy is compiled and RBAC bindings are seen asynchronously: probe with a dry run until both bite. */
  private void awaitPolicyAndRoleInForce() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertDeniedByPolicy(() ->
        agentX.resources(Lease.class).inNamespace(ns.name()).resource(lease("probe")).dryRun().create(),
        "may write only Lease eltm-agent-x"));
  }

  private static void assertDeniedByPolicy(ThrowingCallable write, String message) {
    assertThatThrownBy(write)
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403))
        .hasMessageContaining(POLICY)
        .hasMessageContaining(message);
  }

  private void grantInstallationEdit(String serviceAccount) {
    admin.rbac().roles().inNamespace(ns.name()).resource(new RoleBuilder()
        .withNewMetadata().withName("too-broad").endMetadata()
        .addNewRule().withApiGroups("eltm.io").withResources("eltminstallations")
        .withVerbs("get", "update", "patch").endRule().build()).create();
    admin.rbac().roleBindings().inNamespace(ns.name()).resource(new RoleBindingBuilder()
        .withNewMetadata().withName("too-broad").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("too-broad")
        .endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(serviceAccount).withNamespace(ns.name()).endSubject()
        .build()).create();
  }

  private static EltmOperation withPhase(EltmOperation operation, OperationPhase phase) {
    EltmOperationStatus status = new EltmOperationStatus();
    status.setPhase(phase);
    operation.setStatus(status);
    return operation;
  }

  private static EltmHost withAgent(EltmHost host, String agentVersion) {
    EltmHostStatus status = new EltmHostStatus();
    status.setAgentVersion(agentVersion);
    host.setStatus(status);
    return host;
  }

  private static Lease lease(String name) {
    return new LeaseBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withHolderIdentity(name).withLeaseDurationSeconds(40).endSpec().build();
  }
}
