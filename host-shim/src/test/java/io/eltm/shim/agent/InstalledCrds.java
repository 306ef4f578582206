package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a user installs, {@code kubectl apply -f crds/}: the committed CRDs and the agent confinement
 * policy, applied server-side (idempotent), then waited for until the CRDs are Established.
 */
final class InstalledCrds {

    static final Path DIR = Path.of(System.getProperty("eltm.crds.dir", "../crds"));

    private InstalledCrds() {
    }

    static void apply(KubernetesClient admin) {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    admin.load(in).resources().forEach(r -> r.fieldManager("eltm-agent-it").forceConflicts()
                            .serverSideApply());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + DIR.toAbsolutePath(), e);
        }
        for (Class<? extends HasMetadata> type : List.of(EltmInstallation.class, EltmHost.class, EltmOperation.class)) {
            admin.apiextensions().v1().customResourceDefinitions().withName(HasMetadata.getFullResourceName(type))
                    .waitUntilCondition(crd -> crd != null && crd.getStatus() != null && crd.getStatus().getConditions()
                            .stream().anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True")),
                            30, TimeUnit.SECONDS);
        }
    }
}
