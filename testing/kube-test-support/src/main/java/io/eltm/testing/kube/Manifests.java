package io.eltm.testing.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
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
 * Applies a directory of manifests the way {@code kubectl apply -f DIR} does (server-side, idempotent),
 * then waits until every CustomResourceDefinition among them is Established, so tests can use the
 * resources at once.
 */
public final class Manifests {

    private Manifests() {
    }

    public static void apply(KubernetesClient admin, Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the manifests in " + dir.toAbsolutePath(), e);
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                admin.load(in).resources().forEach(r -> {
                    r.fieldManager("eltm-tests").forceConflicts().serverSideApply();
                    if (r.item() instanceof CustomResourceDefinition crd) {
                        established(admin, crd.getMetadata().getName());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
            }
        }
    }

    private static void established(KubernetesClient admin, String name) {
        admin.apiextensions().v1().customResourceDefinitions().withName(name).waitUntilCondition(crd -> crd != null
                && crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True")), 30, TimeUnit.SECONDS);
    }
}
