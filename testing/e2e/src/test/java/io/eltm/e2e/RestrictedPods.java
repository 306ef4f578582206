package io.eltm.e2e;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.eltm.testing.kube.NodeImages;

/** Containers as Pod Security "restricted" demands them, and namespaces that enforce it. */
final class RestrictedPods {

    private RestrictedPods() {
    }

    /** Labels the namespace so admission enforces the restricted profile in it. */
    static void enforceRestricted(KubernetesClient admin, String namespace) {
        admin.namespaces().withName(namespace).edit(n -> {
            n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "restricted");
            n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce-version", "latest");
            return n;
        });
    }

    /** Non-root, no privilege escalation, every capability dropped, RuntimeDefault seccomp, read-only root. */
    static SecurityContext restricted() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().addToDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    /** A busybox container running {@code script} with {@code sh -c}; images are never pulled here. */
    static Container busybox(String name, String script) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(NodeImages.BUSYBOX)
                .withImagePullPolicy("Never")
                .withCommand("/bin/busybox", "sh", "-c", script)
                .withSecurityContext(restricted())
                .build();
    }
}
