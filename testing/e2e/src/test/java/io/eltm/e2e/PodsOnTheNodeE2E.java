package io.eltm.e2e;

import static io.eltm.e2e.RestrictedPods.busybox;
import static io.eltm.e2e.RestrictedPods.enforceRestricted;
import static io.eltm.e2e.RestrictedPods.restricted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.Manifests;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one-node cluster runs what the product will run on it: real pods from images built here, under
 * Pod Security "restricted", with volumes, Jobs and logs (testing/control-plane, docs/development.md).
 */
class PodsOnTheNodeE2E {

    @RegisterExtension
    static final KubeControlPlaneExtension NODE = KubeControlPlaneExtension.node();

    private static final String OPERATOR_IMAGE = System.getProperty("eltm.operator.image");

    @Test
    void operatorImageBecomesReadyAsNonRootWithReadOnlyRootInRestrictedNamespace(KubernetesClient admin,
            TestNamespace ns) {
        enforceRestricted(admin, ns.name());
        Manifests.apply(admin, Path.of(System.getProperty("eltm.crds.dir")));
        admin.serviceAccounts().inNamespace(ns.name()).resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata().withName("eltm-operator").endMetadata().build()).create();
        // The chart's exact rules are the Helm chart's business; here the pod only has to run and reach the API.
        String binding = "eltm-operator-" + ns.name();
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(binding).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
                .addNewSubject().withKind("ServiceAccount").withName("eltm-operator").withNamespace(ns.name()).endSubject()
                .build()).create();
        try {
            admin.apps().deployments().inNamespace(ns.name()).resource(operatorDeployment(ns.name())).create();

            await("the operator pod Ready through its probes").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> available(admin.apps().deployments().inNamespace(ns.name()).withName("eltm-operator").get()));
            var pod = admin.pods().inNamespace(ns.name()).withLabel("app", "eltm-operator").list().getItems().get(0);
            assertThat(pod.getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(pod.getStatus().getContainerStatuses().get(0).getRestartCount()).isZero();
            // Leader election worked from inside the pod, through the kubernetes Service.
            assertThat(admin.leases().inNamespace(ns.name()).withName("eltm-operator").get().getSpec().getHolderIdentity())
                    .isNotBlank();
        } finally {
            admin.rbac().clusterRoleBindings().withName(binding).delete();
        }
    }

    @Test
    void privilegedPodIsRefusedInRestrictedNamespace(KubernetesClient admin, TestNamespace ns) {
        enforceRestricted(admin, ns.name());
        var privileged = new PodBuilder().withNewMetadata().withName("privileged").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage(io.eltm.testing.kube.NodeImages.BUSYBOX)
                .withNewSecurityContext().withPrivileged(true).endSecurityContext().endContainer().endSpec().build();

        assertThatThrownBy(() -> admin.pods().inNamespace(ns.name()).resource(privileged).create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("violates PodSecurity \"restricted:latest\"")
                .hasMessageContaining("privileged");
        assertThat(admin.pods().inNamespace(ns.name()).list().getItems()).isEmpty();
    }

    @Test
    void statefulSetKeepsItsVolumeAcrossScaleToZeroAndBack(KubernetesClient admin, TestNamespace ns) throws Exception {
        enforceRestricted(admin, ns.name());
        Path dir = Files.createTempDirectory("eltm-local-pv-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // the pod runs as 65532
        String storageClass = "eltm-local-" + ns.name();
        admin.storage().v1().storageClasses().resource(new io.fabric8.kubernetes.api.model.storage.StorageClassBuilder()
                .withNewMetadata().withName(storageClass).endMetadata()
                .withProvisioner("kubernetes.io/no-provisioner").withVolumeBindingMode("WaitForFirstConsumer").build()).create();
        admin.persistentVolumes().resource(LocalVolumes.on(storageClass, dir)).create();
        try {
            admin.apps().statefulSets().inNamespace(ns.name()).resource(new StatefulSetBuilder()
                    .withNewMetadata().withName("web").endMetadata()
                    .withNewSpec().withReplicas(1).withServiceName("web")
                    .withNewSelector().addToMatchLabels("app", "web").endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                    .withNewSpec().withTerminationGracePeriodSeconds(1L)
                    .addToContainers(new io.fabric8.kubernetes.api.model.ContainerBuilder(busybox("web",
                            "test -f /data/marker || /bin/busybox date +%s%N > /data/marker; "
                                    + "echo \"marker: $(/bin/busybox cat /data/marker)\"; exec /bin/busybox sleep 3600"))
                            .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount().build())
                    .endSpec().endTemplate()
                    .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata()
                    .withNewSpec().withStorageClassName(storageClass).withAccessModes("ReadWriteOnce")
                    .withNewResources().addToRequests("storage", new io.fabric8.kubernetes.api.model.Quantity("1Mi")).endResources()
                    .endSpec().endVolumeClaimTemplate()
                    .endSpec().build()).create();
            String first = awaitLog(admin, ns.name(), "web-0", "marker: ");

            admin.apps().statefulSets().inNamespace(ns.name()).withName("web").scale(0);
            await("web-0 gone").atMost(Duration.ofMinutes(1))
                    .until(() -> admin.pods().inNamespace(ns.name()).withName("web-0").get() == null);
            admin.apps().statefulSets().inNamespace(ns.name()).withName("web").scale(1);

            String second = awaitLog(admin, ns.name(), "web-0", "marker: ");
            assertThat(second).as("the new pod reads what the first one wrote").isEqualTo(first);
            assertThat(Files.readString(dir.resolve("marker")).strip()).isEqualTo(first.substring("marker: ".length()));
        } finally {
            admin.apps().statefulSets().inNamespace(ns.name()).withName("web").delete();
            admin.persistentVolumeClaims().inNamespace(ns.name()).withName("data-web-0").delete();
            admin.persistentVolumes().withName(LocalVolumes.name(storageClass)).delete();
            admin.storage().v1().storageClasses().withName(storageClass).delete();
        }
    }

    @Test
    void jobThatSucceedsCompletesAndJobThatFailsIsReportedFailed(KubernetesClient admin, TestNamespace ns) {
        enforceRestricted(admin, ns.name());
        admin.batch().v1().jobs().inNamespace(ns.name()).resource(job("works", "echo migrated; exit 0")).create();
        admin.batch().v1().jobs().inNamespace(ns.name()).resource(job("breaks", "echo cannot migrate >&2; exit 3")).create();

        await("both Jobs end").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                condition(admin, ns.name(), "works", "Complete") && condition(admin, ns.name(), "breaks", "Failed"));
        Job broken = admin.batch().v1().jobs().inNamespace(ns.name()).withName("breaks").get();
        assertThat(broken.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Failed");
            assertThat(c.getReason()).isEqualTo("BackoffLimitExceeded");
        });
        assertThat(broken.getStatus().getSucceeded()).isNull();
    }

    @Test
    void podsHaveRoutesToThePodSubnetAndTheServiceRangeOnlyNeverADefaultRoute(KubernetesClient admin, TestNamespace ns) {
        enforceRestricted(admin, ns.name());
        // The kernel's routing table as the pod sees it; reading it sends nothing anywhere.
        admin.batch().v1().jobs().inNamespace(ns.name()).resource(job("routes", "/bin/busybox cat /proc/net/route")).create();
        await().atMost(Duration.ofMinutes(2)).until(() -> condition(admin, ns.name(), "routes", "Complete"));

        String table = admin.batch().v1().jobs().inNamespace(ns.name()).withName("routes").getLog();
        // Destination and Mask columns, little-endian hex: 198.18.0.0/24 and 198.19.0.0/24.
        var routes = table.lines().skip(1).map(l -> l.trim().split("\\s+")).map(f -> f[1] + "/" + f[7]).toList();
        assertThat(routes).as(table).containsExactlyInAnyOrder("000012C6/00FFFFFF", "000013C6/00FFFFFF");
        assertThat(routes).as("no default route (destination 0.0.0.0)").noneMatch(r -> r.startsWith("00000000/"));
    }

    @Test
    void kubectlLogsShowsWhatThePodPrinted(KubeCluster cluster, KubernetesClient admin, TestNamespace ns, Path kubeconfig)
            throws Exception {
        enforceRestricted(admin, ns.name());
        admin.batch().v1().jobs().inNamespace(ns.name()).resource(job("hello", "echo hello from the node")).create();
        await().atMost(Duration.ofMinutes(2)).until(() -> condition(admin, ns.name(), "hello", "Complete"));

        Kubectl.Result logs = new Kubectl(cluster.kubectl(), kubeconfig).run("logs", "-n", ns.name(), "job/hello");

        assertThat(logs.exit()).as(logs.output()).isZero();
        assertThat(logs.output()).isEqualTo("hello from the node\n");
    }

    private static Deployment operatorDeployment(String namespace) {
        return new DeploymentBuilder()
                .withNewMetadata().withName("eltm-operator").endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", "eltm-operator").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "eltm-operator").endMetadata()
                .withNewSpec().withServiceAccountName("eltm-operator")
                .addNewContainer().withName("operator").withImage(OPERATOR_IMAGE).withImagePullPolicy("Never")
                .addNewEnv().withName("ELTM_OPERATOR_NAMESPACE").withValue(namespace).endEnv()
                .addNewPort().withName("http").withContainerPort(8080).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withNewPort("http").endHttpGet()
                .withPeriodSeconds(2).endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withNewPort("http").endHttpGet()
                .withInitialDelaySeconds(60).endLivenessProbe()
                .withSecurityContext(restricted())
                .withNewResources().addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("128Mi"))
                .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("512Mi")).endResources()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    private static Job job(String name, String script) {
        return new JobBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withBackoffLimit(0)
                .withNewTemplate().withNewSpec().withRestartPolicy("Never").withTerminationGracePeriodSeconds(1L)
                .addToContainers(busybox("main", script))
                .endSpec().endTemplate().endSpec().build();
    }

    private static boolean available(Deployment deployment) {
        return deployment != null && deployment.getStatus() != null
                && Integer.valueOf(1).equals(deployment.getStatus().getAvailableReplicas());
    }

    private static boolean condition(KubernetesClient admin, String namespace, String job, String type) {
        Job current = admin.batch().v1().jobs().inNamespace(namespace).withName(job).get();
        return current.getStatus() != null && current.getStatus().getConditions() != null
                && current.getStatus().getConditions().stream()
                        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The line starting with {@code prefix} that the pod printed, once it is Ready and has printed it. */
    private static String awaitLog(KubernetesClient admin, String namespace, String pod, String prefix) {
        return await(pod + " printing " + prefix).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> admin.pods().inNamespace(namespace).withName(pod).getLog().lines()
                        .filter(l -> l.startsWith(prefix)).findFirst().orElse(null), line -> line != null);
    }
}
