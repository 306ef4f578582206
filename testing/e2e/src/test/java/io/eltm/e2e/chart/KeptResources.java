package io.eltm.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the chart installs from {@code crds/} and keeps on uninstall: the CRDs and the agents' admission
 * policy, cluster-wide objects that outlive any release.
 */
public final class KeptResources {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KeptResources() {
    }

    /** The committed objects, parsed from {@code crds/}. */
    public static List<HasMetadata> committed() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("eltm.crds.dir")))) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
                    .flatMap(f -> Rendered.of(read(f)).all().stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lets release {@code eltm} in {@code namespace} own the kept objects that exist already (applied with
     * kubectl, or kept from an earlier release): Helm's documented adoption, by its ownership labels.
     */
    public static void adoptKeptResources(KubernetesClient admin, String namespace) {
        for (HasMetadata object : committed()) {
            var existing = admin.resource(object).get();
            if (existing != null) {
                admin.resource(existing).edit(o -> {
                    o.getMetadata().getLabels().put("app.kubernetes.io/managed-by", "Helm");
                    o.getMetadata().getAnnotations().put("meta.helm.sh/release-name", OperatorChart.RELEASE);
                    o.getMetadata().getAnnotations().put("meta.helm.sh/release-namespace", namespace);
                    return o;
                });
            }
        }
    }

    /** The CRDs on the server have exactly the committed spec, and the keep annotation. */
    public static void assertInstalledAsCommitted(KubernetesClient admin) {
        for (HasMetadata object : committed()) {
            if (object instanceof CustomResourceDefinition crd) {
                CustomResourceDefinition live = admin.apiextensions().v1().customResourceDefinitions()
                        .withName(crd.getMetadata().getName()).get();
                // The server adds defaults (conversion, listKind, priority 0 dropped); the schemas are compared.
                assertThat(live.getSpec().getVersions()).hasSameSizeAs(crd.getSpec().getVersions());
                for (int v = 0; v < crd.getSpec().getVersions().size(); v++) {
                    assertThat(SERIALIZATION.asJson(live.getSpec().getVersions().get(v).getSchema()))
                            .as(crd.getMetadata().getName() + " " + crd.getSpec().getVersions().get(v).getName())
                            .isEqualTo(SERIALIZATION.asJson(crd.getSpec().getVersions().get(v).getSchema()));
                }
                assertThat(live.getSpec().getNames().getShortNames()).isEqualTo(crd.getSpec().getNames().getShortNames());
                assertThat(live.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
            } else {
                assertThat(admin.resource(object).get()).as(object.getKind() + " " + object.getMetadata().getName())
                        .isNotNull();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
