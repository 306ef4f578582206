package io.eltm.e2e;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;

/** Static local PersistentVolumes on the test node, the way a cluster without a provisioner offers disks. */
final class LocalVolumes {

    private static final String NODE = "eltm-node";

    private LocalVolumes() {
    }

    static String name(String storageClass) {
        return storageClass + "-pv";
    }

    static PersistentVolume on(String storageClass, Path directory) {
        return on(storageClass, directory, "1Mi");
    }

    /** A volume offering {@code capacity}, which a local volume only declares (claims bind by it). */
    static PersistentVolume on(String storageClass, Path directory, String capacity) {
        return new PersistentVolumeBuilder()
                .withNewMetadata().withName(name(storageClass)).endMetadata()
                .withNewSpec().withStorageClassName(storageClass).withAccessModes("ReadWriteOnce")
                .addToCapacity("storage", new Quantity(capacity)).withPersistentVolumeReclaimPolicy("Retain")
                .withNewLocal().withPath(directory.toString()).endLocal()
                .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                .withKey("kubernetes.io/hostname").withOperator("In").withValues(NODE)
                .endMatchExpression().endNodeSelectorTerm().endRequired().endNodeAffinity()
                .endSpec().build();
    }
}
