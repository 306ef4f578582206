package io.eltm.shim.agent;

import io.eltm.testing.kube.Manifests;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.file.Path;

/**
 * What a user installs, {@code kubectl apply -f crds/}: the committed CRDs and the agent confinement
 * policy, applied server-side (idempotent), then waited for until the CRDs are Established.
 */
final class InstalledCrds {

    static final Path DIR = Path.of(System.getProperty("eltm.crds.dir", "../crds"));

    private InstalledCrds() {
    }

    static void apply(KubernetesClient admin) {
        Manifests.apply(admin, DIR);
    }
}
