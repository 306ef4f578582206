package io.eltm.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ELTM running in Kubernetes the way a customer runs it: the sample manifest
 * ({@code docs/examples/eltm-statefulset.yaml}) applied as it is, with the sample image built here and
 * its claim bound to a local volume on the node, a directory of this machine the test can read.
 * {@link #close()} removes it all, the files the pod wrote included.
 */
final class SampleWorkload implements AutoCloseable {

    static final String NAME = "eltm";
    static final String POD = NAME + "-0";
    static final String CLAIM = "data-" + POD;
    private static final Path MANIFEST = Path.of(System.getProperty("eltm.examples.dir"), "eltm-statefulset.yaml");
    private static final String IMAGE = System.getProperty("eltm.sample.image");
    private static final String SHIM_IMAGE = System.getProperty("eltm.shim.image");

    private final KubernetesClient admin;
    private final String namespace;
    private final String storageClass;
    private final Path volume;

    private SampleWorkload(KubernetesClient admin, String namespace, Path volume) {
        this.admin = admin;
        this.namespace = namespace;
        this.storageClass = "eltm-local-" + namespace;
        this.volume = volume;
    }

    /** Applies the sample manifest in {@code namespace}; its pod is not Ready yet. */
    static SampleWorkload apply(KubernetesClient admin, String namespace) throws IOException {
        Path volume = Files.createTempDirectory("eltm-workload-pv-");
        Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxrwxrwx")); // the pod runs as 65532
        SampleWorkload workload = new SampleWorkload(admin, namespace, volume);
        try {
            workload.create();
        } catch (RuntimeException | IOException e) {
            try {
                workload.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return workload;
    }

    private void create() throws IOException {
        admin.storage().v1().storageClasses().resource(new StorageClassBuilder()
                .withNewMetadata().withName(storageClass).endMetadata()
                .withProvisioner("kubernetes.io/no-provisioner").withVolumeBindingMode("WaitForFirstConsumer").build()).create();
        admin.persistentVolumes().resource(LocalVolumes.on(storageClass, volume, "1Gi")).create();
        for (HasMetadata object : manifest(admin)) {
            if (object instanceof StatefulSet set) {
                set.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(IMAGE);
                set.getSpec().getTemplate().getSpec().getContainers().get(0).setImagePullPolicy("Never");
                set.getSpec().getVolumeClaimTemplates().get(0).getSpec().setStorageClassName(storageClass);
            }
            admin.resource(object).inNamespace(namespace).create();
        }
    }

    private static List<HasMetadata> manifest(KubernetesClient admin) throws IOException {
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            return admin.load(in).items();
        }
    }

    /** Waits until the pod is Ready (its readiness: show-mprocess and the health URL), first install included. */
    Pod awaitReady(Duration timeout) {
        return await(POD + " Ready in " + namespace).atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.pods().inNamespace(namespace).withName(POD).get(), SampleWorkload::ready);
    }

    /** Seconds from the pod's creation to its Ready condition, as the API server recorded them. */
    long secondsToReady(Pod pod) {
        var created = java.time.Instant.parse(pod.getMetadata().getCreationTimestamp());
        var ready = pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst()
                .map(c -> java.time.Instant.parse(c.getLastTransitionTime())).orElseThrow();
        return Duration.between(created, ready).toSeconds();
    }

    Service service() {
        return admin.services().inNamespace(namespace).withName(NAME).get();
    }

    /** Scales the StatefulSet and, for zero, waits until its pod is gone. */
    void scale(int replicas) {
        admin.apps().statefulSets().inNamespace(namespace).withName(NAME).scale(replicas);
        if (replicas == 0) {
            await(POD + " gone").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.pods().inNamespace(namespace).withName(POD).get() == null);
        }
    }

    /** The volume's directory on this machine: {@code ISERVER_HOME} is its {@code iserver/}. */
    Path volume() {
        return volume;
    }

    String log() {
        return admin.pods().inNamespace(namespace).withName(POD).inContainer(NAME).getLog();
    }

    /** Runs {@code script} with bash in the running ELTM container, as its user; returns what it printed. */
    ExecResult exec(String script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = admin.pods().inNamespace(namespace).withName(POD).inContainer(NAME)
                .writingOutput(out).writingError(err).exec("/bin/bash", "-c", ". \"$HOME/.env_integrator\"; " + script)) {
            int exit = watch.exitCode().get(2, TimeUnit.MINUTES);
            return new ExecResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("exec in " + namespace + "/" + POD + " of: " + script + " failed", e);
        }
    }

    record ExecResult(int exit, String out, String err) {
    }

    /**
     * An upgrade Job's pod as docs/pods.md describes it: an init container of the shim image exports the shim
     * into an emptyDir ({@code eltm-shim image export}); the main container, the workload's own image with its
     * claim at {@code /data}, runs {@code script} with bash and the install's environment, where
     * {@code /eltm-shim/eltm-shim} is the shim.
     */
    String shimJob(String name, String script) {
        var shim = new io.fabric8.kubernetes.api.model.ContainerBuilder().withName("export-shim").withImage(SHIM_IMAGE)
                .withImagePullPolicy("Never").withArgs("image", "export", "/eltm-shim/shim")
                .withSecurityContext(RestrictedPods.restricted())
                .addNewVolumeMount().withName("shim").withMountPath("/eltm-shim").endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount().build();
        var main = sampleImage("/bin/bash", "-c", ". \"$HOME/.env_integrator\"; " + script);
        main.getVolumeMounts().add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("shim")
                .withMountPath("/eltm-shim").build());
        main.getVolumeMounts().add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("tmp")
                .withMountPath("/tmp").build());
        return job(name, List.of(shim), main, true);
    }

    /** How a Job ended: its main container's exit code and log. */
    record JobEnd(int exitCode, String log) {
    }

    /**
     * Creates {@code job} as the operator makes it ({@code UpgradeJobs}) and waits until it ends, Complete or
     * Failed: a failed upgrade (exit 3, 4, 5) is a result here, not an error.
     */
    JobEnd run(io.fabric8.kubernetes.api.model.batch.v1.Job job) {
        String name = job.getMetadata().getName();
        String container = job.getSpec().getTemplate().getSpec().getContainers().get(0).getName();
        admin.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        Integer exit = await("Job " + name + " ended").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.pods().inNamespace(namespace).withLabel("job-name", name).list().getItems().stream()
                        .flatMap(p -> p.getStatus().getContainerStatuses() == null ? java.util.stream.Stream.empty()
                                : p.getStatus().getContainerStatuses().stream())
                        .filter(c -> c.getName().equals(container) && c.getState().getTerminated() != null)
                        .map(c -> c.getState().getTerminated().getExitCode()).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        return new JobEnd(exit, jobLog(name, container));
    }

    /** The live StatefulSet, as the operator reads it. */
    StatefulSet statefulSet() {
        return admin.apps().statefulSets().inNamespace(namespace).withName(NAME).get();
    }

    /** A restricted container of the sample image running {@code command}, e.g. its curl, which busybox lacks for TLS. */
    static io.fabric8.kubernetes.api.model.Container sampleImage(String... command) {
        return new io.fabric8.kubernetes.api.model.ContainerBuilder().withName("main").withImage(IMAGE)
                .withImagePullPolicy("Never").withCommand(command).withSecurityContext(RestrictedPods.restricted()).build();
    }

    /**
     * A Job, as restricted as the workload, that runs {@code container} and returns its log once it completed;
     * {@code withVolume} mounts the workload's claim at {@code /data}.
     */
    String job(String name, io.fabric8.kubernetes.api.model.Container container, boolean withVolume) {
        return job(name, List.of(), container, withVolume);
    }

    private String job(String name, List<io.fabric8.kubernetes.api.model.Container> init,
            io.fabric8.kubernetes.api.model.Container container, boolean withVolume) {
        if (withVolume) {
            container.getVolumeMounts().add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
                    .withName("data").withMountPath("/data").build());
        }
        var pod = new io.fabric8.kubernetes.api.model.PodSpecBuilder().withRestartPolicy("Never")
                .withTerminationGracePeriodSeconds(1L).addAllToInitContainers(init).addToContainers(container)
                .withNewSecurityContext().withRunAsUser(65532L).withRunAsGroup(65532L).endSecurityContext();
        if (!init.isEmpty()) {
            pod.addNewVolume().withName("shim").withNewEmptyDir().endEmptyDir().endVolume()
                    .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume();
        }
        if (withVolume) {
            pod.addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName(CLAIM).endPersistentVolumeClaim()
                    .endVolume();
        }
        Job job = new JobBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withBackoffLimit(0).withNewTemplate().withSpec(pod.build()).endTemplate().endSpec().build();
        admin.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        await("Job " + name + " complete").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Job current = admin.batch().v1().jobs().inNamespace(namespace).withName(name).get();
            if (current.getStatus() != null && current.getStatus().getFailed() != null && current.getStatus().getFailed() > 0) {
                throw new AssertionError("Job " + name + " failed: " + current.getStatus() + "\n"
                        + jobLog(name, "export-shim") + jobLog(name, "main"));
            }
            return current.getStatus() != null && Integer.valueOf(1).equals(current.getStatus().getSucceeded());
        });
        return jobLog(name, "main");
    }

    private String jobLog(String job, String container) {
        return admin.pods().inNamespace(namespace).withLabel("job-name", job).list().getItems().stream()
                .map(p -> {
                    try {
                        return admin.pods().inNamespace(namespace).withName(p.getMetadata().getName())
                                .inContainer(container).getLog();
                    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                        return "(no log of " + container + " in " + p.getMetadata().getName() + ": " + e.getMessage() + ")\n";
                    }
                })
                .collect(java.util.stream.Collectors.joining());
    }

    /** Deletes the workload, then what its pods wrote on the volume (as their user), then the volume. */
    @Override
    public void close() {
        admin.apps().statefulSets().inNamespace(namespace).withName(NAME).delete();
        admin.services().inNamespace(namespace).withName(NAME).delete();
        await(POD + " gone").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.pods().inNamespace(namespace).withName(POD).get() == null);
        if (admin.persistentVolumeClaims().inNamespace(namespace).withName(CLAIM).get() != null) {
            job("eltm-volume-cleanup", RestrictedPods.busybox("main", "/bin/busybox rm -rf /data/iserver"), true);
        }
        admin.persistentVolumeClaims().inNamespace(namespace).withName(CLAIM).delete();
        admin.persistentVolumes().withName(LocalVolumes.name(storageClass)).delete();
        admin.storage().v1().storageClasses().withName(storageClass).delete();
        try (var left = Files.walk(volume)) {
            // what the test itself put there (releases); whatever the pods wrote is gone with the Job above
            for (Path path : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing the workload's volume " + volume, e);
        }
    }

    private static boolean ready(Pod pod) {
        return pod != null && pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
