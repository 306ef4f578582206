package io.eltm.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eltm.api.v1alpha1.SecretKeyReference;
import io.eltm.api.v1alpha1.WorkloadTarget;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upgrade Job made from the sample StatefulSet a customer applies (docs/examples/eltm-statefulset.yaml). */
class UpgradeJobsTest {

    private static final String SHIM_IMAGE = "eltm.io/eltm-shim:0.1.0";
    private static final UpgradeJobs.Release RELEASE = new UpgradeJobs.Release(
            "https://releases.example.com/eltm-portable-8.4.2.tar.gz; rm -rf /data", "ab".repeat(32));

    @Test
    void runsTheWorkloadsImageOnItsClaimWithTheShimExportedByAnInitContainer() throws IOException {
        Job job = UpgradeJobs.build("sales-1a2b3c4d5e", UpgradeJobs.Purpose.UPGRADE, sample(), target(), SHIM_IMAGE, RELEASE);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container main = pod.getContainers().get(0);

        assertThat(job.getMetadata().getName()).isEqualTo("sales-1a2b3c4d5e-upgrade");
        assertThat(job.getMetadata().getLabels()).containsEntry(UpgradeJobs.OPERATION_LABEL, "sales-1a2b3c4d5e");
        assertThat(job.getSpec().getBackoffLimit()).as("a failed run is for the operator to judge").isZero();
        assertThat(main.getImage()).isEqualTo("eltm.io/eltm-sample:0.1.0-SNAPSHOT");
        assertThat(main.getReadinessProbe()).isNull();
        assertThat(main.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("data");
            assertThat(m.getMountPath()).isEqualTo("/data");
        });
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("data");
            assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("data-eltm-0");
        });
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getName()).isEqualTo("tmp"));
        assertThat(pod.getInitContainers()).singleElement().satisfies(init -> {
            assertThat(init.getImage()).isEqualTo(SHIM_IMAGE);
            assertThat(init.getArgs()).containsExactly("image", "export", "/eltm-shim/shim");
        });
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the install's user").isEqualTo(65532L);
        assertThat(main.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getAutomountServiceAccountToken()).as("the Job needs no API rights").isFalse();
    }

    @Test
    void theReleaseReachesTheShimThroughTheEnvironmentNeverAsShellCode() throws IOException {
        Job job = UpgradeJobs.build("sales-1a2b3c4d5e", UpgradeJobs.Purpose.UPGRADE, sample(), target(), SHIM_IMAGE, RELEASE);
        Container main = job.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(main.getCommand()).startsWith("/bin/bash", "-c");
        assertThat(main.getCommand().get(2)).doesNotContain("releases.example.com", "rm -rf")
                .contains("upgrade \"$ELTM_RELEASE_URL\"", "mstart-pgsql", "mstop-all", "exit $rc");
        assertThat(main.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("ELTM_RELEASE_URL", RELEASE.url()),
                        org.assertj.core.groups.Tuple.tuple("ELTM_RELEASE_SHA256", RELEASE.sha256()));
    }

    @Test
    void theDatabasePasswordComesFromTheNamedSecretKey() throws IOException {
        WorkloadTarget target = target();
        SecretKeyReference password = new SecretKeyReference();
        password.setName("eltm-db");
        password.setKey("pg");
        target.setDatabasePassword(password);

        Job job = UpgradeJobs.build("sales-1a2b3c4d5e", UpgradeJobs.Purpose.ROLLBACK, sample(), target, SHIM_IMAGE, RELEASE);
        Container main = job.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(job.getMetadata().getName()).endsWith("-rollback");
        assertThat(main.getCommand().get(2)).contains("eltm-shim rollback").doesNotContain("ELTM_RELEASE_URL");
        assertThat(main.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("PGPASSWORD");
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("eltm-db");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("pg");
        });
    }

    @Test
    void aLongOperationNameGivesAJobNameThatStillFitsALabelAndStaysDistinct() {
        String a = "a".repeat(52) + "-1a2b3c4d5e";
        String b = "a".repeat(52) + "-9f8e7d6c5b";

        String jobA = UpgradeJobs.name(a, UpgradeJobs.Purpose.ROLLBACK);
        String jobB = UpgradeJobs.name(b, UpgradeJobs.Purpose.ROLLBACK);

        assertThat(jobA).hasSizeLessThanOrEqualTo(63).endsWith("-rollback").isNotEqualTo(jobB);
        assertThat(jobB).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void aStatefulSetWhoseContainersMountNoClaimIsRefusedNamingIt() throws IOException {
        StatefulSet set = sample();
        set.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts()
                .removeIf(m -> m.getName().equals("data"));

        assertThatThrownBy(() -> UpgradeJobs.build("sales-1", UpgradeJobs.Purpose.UPGRADE, set, target(), SHIM_IMAGE,
                RELEASE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StatefulSet eltm")
                .hasMessageContaining("claim");
    }

    private static WorkloadTarget target() {
        WorkloadTarget target = new WorkloadTarget();
        target.setStatefulSet("eltm");
        target.setVolumeClaim("data-eltm-0");
        target.setInstallDir("/data/iserver");
        return target;
    }

    private static StatefulSet sample() throws IOException {
        Path manifest = Path.of(System.getProperty("eltm.examples.dir", "../docs/examples"), "eltm-statefulset.yaml");
        try (InputStream in = Files.newInputStream(manifest)) {
            List<HasMetadata> objects = Serialization.unmarshal(in);
            return objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst()
                    .orElseThrow();
        }
    }
}
