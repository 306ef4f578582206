package io.eltm.testing.kube;

import static io.eltm.testing.kube.Widgets.widget;
import static io.eltm.testing.kube.Widgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API server really validates custom resources and really keeps status apart from spec. */
@ExtendWith(KubeControlPlaneExtension.class)
class CustomResourceValidationIT {

  @BeforeEach
  void installCrd(KubernetesClient admin) {
    Widgets.installCrd(admin);
  }

  @Test
  void refusesCustomResourceBreakingItsOpenApiSchemaNamingTheField(KubernetesClient admin, TestNamespace ns) {
    assertThatThrownBy(() -> widgets(admin).resource(widget(ns.name(), "too-many", 1, 11)).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining("spec.maxReplicas")
        .hasMessageContaining("should be less than or equal to 10");
    assertThatThrownBy(() -> widgets(admin).resource(widget(ns.name(), "not-a-number", 1, "three")).create())
        .hasMessageContaining("spec.maxReplicas")
        .hasMessageContaining("must be of type integer");
  }

  @Test
  void refusesCustomResourceBreakingItsCelRuleWithTheRuleMessage(KubernetesClient admin, TestNamespace ns) {
    assertThatThrownBy(() -> widgets(admin).resource(widget(ns.name(), "inverted", 5, 2)).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining("minReplicas must not exceed maxReplicas");
    assertThat(widgets(admin).inNamespace(ns.name()).list().getItems()).isEmpty();
  }

  @Test
  void statusUpdateThroughTheSubresourceKeepsGenerationAndIgnoresSpec(KubernetesClient admin, TestNamespace ns) {
    GenericKubernetesResource created = widgets(admin).resource(widget(ns.name(), "w", 1, 3)).create();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1);

    created.setAdditionalProperty("status", Map.of("observedGeneration", 1,
        "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "Test"))));
    created.setAdditionalProperty("spec", Map.of("minReplicas", 2, "maxReplicas", 3)); // must be ignored
    GenericKubernetesResource afterStatus = widgets(admin).resource(created).updateStatus();

    assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(1);
    assertThat(spec(afterStatus)).containsEntry("minReplicas", 1);
    assertThat(afterStatus.getAdditionalProperties().get("status").toString()).contains("Ready");
  }

  @Test
  void specUpdateBumpsGenerationAndKeepsStatus(KubernetesClient admin, TestNamespace ns) {
    GenericKubernetesResource created = widgets(admin).resource(widget(ns.name(), "w", 1, 3)).create();
    created.setAdditionalProperty("status", Map.of("observedGeneration", 1));
    GenericKubernetesResource withStatus = widgets(admin).resource(created).updateStatus();

    withStatus.setAdditionalProperty("spec", Map.of("minReplicas", 2, "maxReplicas", 4));
    withStatus.getAdditionalProperties().remove("status"); // the main resource ignores status writes anyway
    GenericKubernetesResource updated = widgets(admin).resource(withStatus).update();

    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2);
    assertThat(spec(updated)).containsEntry("minReplicas", 2);
    assertThat(updated.getAdditionalProperties().get("status").toString()).contains("observedGeneration=1");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource widget) {
    return (Map<String, Object>) widget.getAdditionalProperties().get("spec");
  }
}
