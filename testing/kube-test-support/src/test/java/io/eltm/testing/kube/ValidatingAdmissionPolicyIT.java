package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ValidatingAdmissionPolicy is enforced, and its refusal names the policy and the broken rule. */
@ExtendWith(KubeControlPlaneExtension.class)
class ValidatingAdmissionPolicyIT {

  private static final String RULE_MESSAGE = "ConfigMaps here need an eltm.io/owner label";

  private String policyName;

  @Test
  void policyWithBindingDeniesWriteBreakingItsRuleNamingTheRule(KubernetesClient admin, TestNamespace ns) {
    // Policies are cluster-scoped: name this one after the test namespace so shared clusters stay clean.
    policyName = "owner-label-" + ns.name();
    admin.admissionRegistration().v1().validatingAdmissionPolicies().resource(new ValidatingAdmissionPolicyBuilder()
        .withNewMetadata().withName(policyName).endMetadata()
        .withNewSpec()
            .withFailurePolicy("Fail")
            .withNewMatchConstraints().addNewResourceRule()
                .withApiGroups("").withApiVersions("v1").withOperations("CREATE", "UPDATE")
                .withResources("configmaps").endResourceRule().endMatchConstraints()
            .addNewValidation()
                .withExpression("has(object.metadata.labels) && 'eltm.io/owner' in object.metadata.labels")
                .withMessage(RULE_MESSAGE)
            .endValidation()
        .endSpec().build()).create();
    admin.admissionRegistration().v1().validatingAdmissionPolicyBindings().resource(
        new ValidatingAdmissionPolicyBindingBuilder()
            .withNewMetadata().withName(policyName).endMetadata()
            .withNewSpec().withPolicyName(policyName).withValidationActions("Deny")
                .withNewMatchResources().withNewNamespaceSelector()
                    .addToMatchLabels("kubernetes.io/metadata.name", ns.name())
                .endNamespaceSelector().endMatchResources()
            .endSpec().build()).create();

    // The policy is compiled and picked up asynchronously: probe with dry runs (they pass admission
    // too, but store nothing) until it bites, then make the real write.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThatThrownBy(() -> admin.configMaps().inNamespace(ns.name()).resource(unlabelled()).dryRun().create())
            .isInstanceOf(KubernetesClientException.class));

    assertThatThrownBy(() -> admin.configMaps().inNamespace(ns.name()).resource(unlabelled()).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining("ValidatingAdmissionPolicy '" + policyName + "'")
        .hasMessageContaining(RULE_MESSAGE);
    assertThat(admin.configMaps().inNamespace(ns.name()).withName("settings").get()).isNull();

    ConfigMap labelled = new ConfigMapBuilder(unlabelled()).editMetadata()
        .addToLabels("eltm.io/owner", "tests").endMetadata().build();
    assertThat(admin.configMaps().inNamespace(ns.name()).resource(labelled).create().getMetadata().getUid())
        .isNotBlank();
  }

  @AfterEach
  void removePolicy(KubernetesClient admin) {
    if (policyName != null) {
      admin.admissionRegistration().v1().validatingAdmissionPolicyBindings().withName(policyName).delete();
      admin.admissionRegistration().v1().validatingAdmissionPolicies().withName(policyName).delete();
    }
  }

  private static ConfigMap unlabelled() {
    return new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata().addToData("k", "v").build();
  }
}
