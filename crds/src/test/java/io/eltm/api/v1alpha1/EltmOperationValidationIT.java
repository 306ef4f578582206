package io.eltm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An EltmOperation needs a release unless it is a rollback; its spec is fixed at creation; its status is written
 * through the status subresource.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class EltmOperationValidationIT {

  @Test
  void upgradeWithoutReleaseIsRefusedNamingSpecRelease(KubeCluster cluster, Path kubeconfig, KubernetesClient admin,
      TestNamespace ns) throws Exception {
    InstalledCrds.apply(new Kubectl(cluster, kubeconfig));
    EltmOperation upgrade = Examples.upgrade("etl-upgrade-1", "etl", "etl-01");
    upgrade.getSpec().setRelease(null);

    assertThatThrownBy(() -> admin.resources(EltmOperation.class).inNamespace(ns.name()).resource(upgrade).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining(EltmOperationSpec.RELEASE_MESSAGE);

    EltmOperation rollback = Examples.upgrade("etl-rollback-1", "etl", "etl-01");
    rollback.getSpec().setType(OperationType.ROLLBACK);
    rollback.getSpec().setRelease(null);
    assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).resource(rollback).create()
        .getSpec().getType()).isEqualTo(OperationType.ROLLBACK);
  }

  @Test
  void changingSpecIsRefusedWithTheImmutabilityMessage(KubeCluster cluster, Path kubeconfig, KubernetesClient admin,
      TestNamespace ns) throws Exception {
    InstalledCrds.apply(new Kubectl(cluster, kubeconfig));
    Resource<EltmOperation> operation = admin.resources(EltmOperation.class).inNamespace(ns.name())
        .resource(Examples.upgrade("etl-upgrade-1", "etl", "etl-01"));
    operation.create();

    assertThatThrownBy(() -> operation.edit(op -> {
      op.getSpec().setTargetVersion("8.4.3");
      return op;
    })).isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining("spec: Invalid value")
        .hasMessageContaining(EltmOperationSpec.IMMUTABLE_MESSAGE);
    assertThat(operation.get().getSpec().getTargetVersion()).isEqualTo("8.4.2");
  }

  @Test
  void statusIsUpdatedThroughTheStatusSubresourceWithoutTouchingSpec(KubeCluster cluster, Path kubeconfig,
      KubernetesClient admin, TestNamespace ns) throws Exception {
    InstalledCrds.apply(new Kubectl(cluster, kubeconfig));
    Resource<EltmOperation> operation = admin.resources(EltmOperation.class).inNamespace(ns.name())
        .resource(Examples.upgrade("etl-upgrade-1", "etl", "etl-01"));
    long generation = operation.create().getMetadata().getGeneration();

    EltmOperation updated = operation.editStatus(op -> {
      EltmOperationStatus status = new EltmOperationStatus();
      status.setPhase(OperationPhase.Failed);
      OperationStep fetch = new OperationStep();
      fetch.setName("fetch");
      fetch.setState(StepState.FAILED);
      fetch.setMillis(12L);
      fetch.setMessage("sha256 mismatch");
      status.setSteps(List.of(fetch));
      status.setError(new OperationError(3, "refused: sha256 mismatch"));
      op.setStatus(status);
      return op;
    });

    EltmOperation stored = operation.get();
    assertThat(stored.getStatus().getPhase()).isEqualTo(OperationPhase.Failed);
    assertThat(stored.getStatus().getSteps()).extracting(OperationStep::getName, OperationStep::getState)
        .containsExactly(tuple("fetch", StepState.FAILED));
    assertThat(stored.getStatus().getError().getCode()).isEqualTo(3);
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(generation);
  }
}
