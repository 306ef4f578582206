package io.eltm.operator.workload;

import io.eltm.api.v1alpha1.SecretKeyReference;
import io.eltm.api.v1alpha1.WorkloadTarget;
import io.eltm.operator.plan.OperationNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Jobs that run the engine on a workload's volume (docs/pods.md): the workload's own image, env and
 * security context, its claim mounted where its pods mount it, and the shim exported into an emptyDir by an
 * init container of the shim image. The release is passed in the environment, never in the script, so no
 * value reaches a shell as code. The Job needs no API rights: it reports through its exit code and log, and
 * mounts no ServiceAccount token.
 */
public final class UpgradeJobs {

    public static final String OPERATION_LABEL = "eltm.io/operation";
    static final int MAX_NAME = 63;
    private static final String SHIM_DIR = "/eltm-shim";
    private static final String SHIM = SHIM_DIR + "/shim/eltm-shim";

    /** What the Job does with the volume. */
    public enum Purpose {
        UPGRADE("upgrade",
                SHIM + " upgrade \"$ELTM_RELEASE_URL\" ${ELTM_RELEASE_SHA256:+--sha256 \"$ELTM_RELEASE_SHA256\"}"),
        ROLLBACK("rollback", SHIM + " rollback");

        private final String suffix;
        private final String command;

        Purpose(String suffix, String command) {
            this.suffix = suffix;
            this.command = command;
        }
    }

    /** The release to install: its URL (or path on the volume) and sha256 (may be null). */
    public record Release(String url, String sha256) {
    }

    private UpgradeJobs() {
    }

    /**
     * @param operation the EltmOperation's name, which names the Job and labels it
     * @throws IllegalArgumentException naming the StatefulSet when no container of it mounts the claim
     */
    public static Job build(String operation, Purpose purpose, StatefulSet workload, WorkloadTarget target,
            String shimImage, Release release) {
        PodSpec template = workload.getSpec().getTemplate().getSpec();
        Set<String> claimTemplates = workload.getSpec().getVolumeClaimTemplates() == null ? Set.of()
                : workload.getSpec().getVolumeClaimTemplates().stream().map(c -> c.getMetadata().getName())
                        .collect(Collectors.toSet());
        Container eltm = template.getContainers().stream()
                .filter(c -> c.getVolumeMounts() != null && c.getVolumeMounts().stream()
                        .anyMatch(m -> claimTemplates.contains(m.getName())))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no container of StatefulSet "
                        + workload.getMetadata().getName() + " mounts a volume claim template: set spec.target.workload"
                        + " to a StatefulSet whose pods keep ISERVER_HOME on a claim"));
        List<Volume> volumes = new ArrayList<>();
        for (VolumeMount mount : eltm.getVolumeMounts()) {
            if (claimTemplates.contains(mount.getName())) {
                volumes.add(new VolumeBuilder().withName(mount.getName()).withNewPersistentVolumeClaim()
                        .withClaimName(target.getVolumeClaim()).endPersistentVolumeClaim().build());
            } else if (template.getVolumes() != null) {
                template.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                        .ifPresent(volumes::add);
            }
        }
        volumes.add(new VolumeBuilder().withName("eltm-shim").withNewEmptyDir().endEmptyDir().build());
        Container main = new ContainerBuilder(eltm).withName(purpose.suffix)
                .withCommand("/bin/bash", "-c", script(purpose)).withArgs()
                .withPorts().withReadinessProbe(null).withLivenessProbe(null).withStartupProbe(null)
                .withLifecycle(null)
                .withEnv(env(eltm, target, purpose, release))
                .addNewVolumeMount().withName("eltm-shim").withMountPath(SHIM_DIR).withReadOnly(true).endVolumeMount()
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
        Container export = new ContainerBuilder().withName("export-shim").withImage(shimImage)
                .withArgs("image", "export", SHIM_DIR + "/shim")
                .withSecurityContext(eltm.getSecurityContext() != null ? eltm.getSecurityContext()
                        : new SecurityContextBuilder().withAllowPrivilegeEscalation(false).withRunAsNonRoot(true)
                                .withNewCapabilities().addToDrop("ALL").endCapabilities().build())
                .addNewVolumeMount().withName("eltm-shim").withMountPath(SHIM_DIR).endVolumeMount()
                // the shim image's JVM writes to /tmp, and its root file system is read-only
                .addNewVolumeMount().withName("eltm-shim").withMountPath("/tmp").withSubPath("tmp").endVolumeMount()
                .build();
        return new JobBuilder()
                .withNewMetadata().withName(name(operation, purpose))
                .withNamespace(workload.getMetadata().getNamespace())
                .addToLabels(OPERATION_LABEL, operation).addToLabels("app.kubernetes.io/managed-by", "eltm-operator")
                .endMetadata()
                .withNewSpec().withBackoffLimit(0)
                .withNewTemplate().withNewMetadata().addToLabels(OPERATION_LABEL, operation).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withAutomountServiceAccountToken(false)
                .withSecurityContext(template.getSecurityContext()).withNodeSelector(template.getNodeSelector())
                .withAffinity(template.getAffinity()).withTolerations(template.getTolerations())
                .withImagePullSecrets(template.getImagePullSecrets())
                .withTerminationGracePeriodSeconds(template.getTerminationGracePeriodSeconds())
                .withInitContainers(export).withContainers(main).withVolumes(volumes)
                .endSpec().endTemplate().endSpec().build();
    }

    /** {@code <operation>-upgrade}; when longer than a label value allows, a prefix of it and a hash of it. */
    public static String name(String operation, Purpose purpose) {
        String name = operation + "-" + purpose.suffix;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = OperationNames.sha256Hex(operation).substring(0, 10);
        String prefix = operation.substring(0, MAX_NAME - purpose.suffix.length() - hash.length() - 2)
                .replaceAll("[-.]+$", "");
        return prefix + "-" + hash + "-" + purpose.suffix;
    }

    /**
     * The audit DB up for the preflight (the pods are gone, so nothing runs), the shim, then every service
     * stopped so the pods can have the volume; the shim's exit code is the Job's (contract §6).
     */
    private static String script(Purpose purpose) {
        return ". \"$HOME/.env_integrator\" || exit 3\n"
                + "mstart-pgsql || { echo \"eltm-shim job: cannot start the audit DB of $ISERVER_HOME\" >&2; exit 3; }"
                + "\n"
                + purpose.command + "\n"
                + "rc=$?\n"
                + "mstop-all || echo \"eltm-shim job: mstop-all of $ISERVER_HOME failed after the shim exited $rc\""
                + " >&2\n"
                + "exit $rc\n";
    }

    private static List<EnvVar> env(Container eltm, WorkloadTarget target, Purpose purpose, Release release) {
        List<EnvVar> env = new ArrayList<>(eltm.getEnv() == null ? List.of() : eltm.getEnv());
        if (purpose == Purpose.UPGRADE) {
            env.add(new EnvVar("ELTM_RELEASE_URL", release.url(), null));
            if (release.sha256() != null) {
                env.add(new EnvVar("ELTM_RELEASE_SHA256", release.sha256(), null));
            }
        }
        SecretKeyReference password = target.getDatabasePassword();
        if (password != null) {
            env.add(new EnvVarBuilder().withName("PGPASSWORD").withNewValueFrom().withNewSecretKeyRef()
                    .withName(password.getName()).withKey(password.getKey() == null ? "password" : password.getKey())
                    .endSecretKeyRef().endValueFrom().build());
        }
        return env;
    }

}
