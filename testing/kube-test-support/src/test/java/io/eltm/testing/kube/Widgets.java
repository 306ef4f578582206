package io.eltm.testing.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The test CRD {@code widgets.test.eltm.io} (src/test/resources/widget-crd.yaml) and its objects. */
final class Widgets {

  static final String CRD_NAME = "widgets.test.eltm.io";
  static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
      .withGroup("test.eltm.io").withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true)
      .build();

  private Widgets() {
  }

  /** Applies the CRD (idempotent: shared clusters keep it) and waits until it is Established. */
  static void installCrd(KubernetesClient admin) {
    try (InputStream yaml = Widgets.class.getResourceAsStream("/widget-crd.yaml")) {
      CustomResourceDefinition crd = admin.apiextensions().v1().customResourceDefinitions().load(yaml).item();
      admin.resource(crd).forceConflicts().serverSideApply();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    admin.apiextensions().v1().customResourceDefinitions().withName(CRD_NAME).waitUntilCondition(
        crd -> crd != null && crd.getStatus() != null && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())),
        30, TimeUnit.SECONDS);
  }

  static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      widgets(KubernetesClient client) {
    return client.genericKubernetesResources(CONTEXT);
  }

  static GenericKubernetesResource widget(String namespace, String name, Object minReplicas, Object maxReplicas) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("test.eltm.io/v1").withKind("Widget")
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .addToAdditionalProperties("spec", Map.of("minReplicas", minReplicas, "maxReplicas", maxReplicas))
        .build();
  }
}
