package io.eltm.testing.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A real ValidatingAdmissionPolicy (and its binding) that denies, in one namespace, the writes a test names — how a
 * test makes the API server refuse something (an operation create, an agent's report) without a mock. Closing it
 * deletes both. Its refusals are HTTP 403 (reason Forbidden), as a quota's or an RBAC denial are.
 */
public final class AdmissionBlock implements AutoCloseable {

    private final KubernetesClient admin;
    private final String name;

    private AdmissionBlock(KubernetesClient admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /**
     * Denies {@code operations} (e.g. {@code CREATE}, {@code UPDATE}) on {@code resource} (e.g.
     * {@code eltmoperations}, {@code eltmhosts/status}) of API group {@code group} in {@code namespace}, for requests
     * matching the CEL {@code who} (e.g. {@code true}), with {@code message}.
     */
    public static AdmissionBlock deny(KubernetesClient admin, String name, String namespace, String group,
                                      String resource, String operations, String who, String message) {
        String yaml = """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata:
                  name: %1$s
                spec:
                  failurePolicy: Fail
                  matchConstraints:
                    resourceRules:
                    - apiGroups: ["%3$s"]
                      apiVersions: ["*"]
                      operations: [%5$s]
                      resources: ["%4$s"]
                  matchConditions:
                  - name: who
                    expression: "%6$s"
                  validations:
                  - expression: "false"
                    message: "%7$s"
                    reason: Forbidden
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicyBinding
                metadata:
                  name: %1$s
                spec:
                  policyName: %1$s
                  validationActions: [Deny]
                  matchResources:
                    namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: %2$s
                """.formatted(name, namespace, group, resource, operations, who.replace("\"", "\\\""), message);
        admin.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).resources()
                .forEach(r -> r.fieldManager("eltm-tests").forceConflicts().serverSideApply());
        return new AdmissionBlock(admin, name);
    }

    @Override
    public void close() {
        admin.admissionRegistration().v1().validatingAdmissionPolicyBindings().withName(name).delete();
        admin.admissionRegistration().v1().validatingAdmissionPolicies().withName(name).delete();
        admin.admissionRegistration().v1().validatingAdmissionPolicies().withName(name)
                .waitUntilCondition(p -> p == null, 30, TimeUnit.SECONDS);
    }
}
