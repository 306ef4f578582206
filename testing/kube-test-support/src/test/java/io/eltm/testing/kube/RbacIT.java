package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RBAC is enforced: a ServiceAccount can do exactly what a binding grants it. */
@ExtendWith(KubeControlPlaneExtension.class)
class RbacIT {

  @Test
  void serviceAccountWithoutRoleBindingIsDeniedListNamingItself(KubeCluster cluster, TestNamespace ns) {
    KubernetesClient reader = cluster.clientAs(ns.name(), "reader");

    assertThatThrownBy(() -> reader.configMaps().inNamespace(ns.name()).list())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403))
        .hasMessageContaining("system:serviceaccount:" + ns.name() + ":reader")
        .hasMessageContaining("cannot list resource \"configmaps\"");
  }

  @Test
  void serviceAccountWithRoleBindingMayListButNotWrite(KubeCluster cluster, KubernetesClient admin,
      TestNamespace ns) {
    admin.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder()
        .withNewMetadata().withName("visible").endMetadata().addToData("k", "v").build()).create();
    admin.rbac().roles().inNamespace(ns.name()).resource(new RoleBuilder()
        .withNewMetadata().withName("configmap-reader").endMetadata()
        .addNewRule().withApiGroups("").withResources("configmaps").withVerbs("get", "list", "watch").endRule()
        .build()).create();
    admin.rbac().roleBindings().inNamespace(ns.name()).resource(new RoleBindingBuilder()
        .withNewMetadata().withName("reader-reads-configmaps").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("configmap-reader")
        .endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("reader").withNamespace(ns.name()).endSubject()
        .build()).create();
    KubernetesClient reader = cluster.clientAs(ns.name(), "reader");

    // The RBAC authorizer reads bindings from an informer: allow it a moment to see the new one.
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
        assertThat(reader.configMaps().inNamespace(ns.name()).list().getItems())
            .extracting(cm -> cm.getMetadata().getName()).contains("visible"));
    assertThatThrownBy(() -> reader.configMaps().inNamespace(ns.name()).withName("visible").delete())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }
}
