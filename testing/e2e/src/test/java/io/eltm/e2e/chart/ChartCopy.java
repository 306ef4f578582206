package io.eltm.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A next version of the chart, as a later release of the product would ship it: a copy (symbolic links
 * resolved) whose EltmInstallation CRD has one more field in {@code spec}.
 */
public record ChartCopy(OperatorChart chart) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String CRD = "files/eltminstallations.eltm.io-v1.yml";

    public static ChartCopy withNewInstallationField(OperatorChart from, Path to, String field) throws IOException {
        try (Stream<Path> files = Files.walk(from.dir())) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.dir().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target); // follows the links into crds/
                }
            }
        }
        CustomResourceDefinition crd = SERIALIZATION.unmarshal(Files.readString(to.resolve(CRD)),
                CustomResourceDefinition.class);
        JSONSchemaProps spec = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        spec.getProperties().put(field, new JSONSchemaPropsBuilder().withType("string")
                .withDescription("A field the next chart version adds.").build());
        Files.writeString(to.resolve(CRD), SERIALIZATION.asYaml(crd));
        Path chartYaml = to.resolve("Chart.yaml");
        Files.writeString(chartYaml, Files.readString(chartYaml).replaceFirst("(?m)^version: .*$", "version: 0.1.1-next"));
        return new ChartCopy(new OperatorChart(to));
    }

    /** The API server keeps {@code field} in an installation's spec: the new schema is in force (no pruning). */
    public static void assertFieldIsKept(KubernetesClient admin, String namespace, String field) {
        var installations = admin.genericKubernetesResources("eltm.io/v1alpha1", "EltmInstallation").inNamespace(namespace);
        GenericKubernetesResource sales = installations.withName("sales").edit(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
            spec.put(field, "window sunday 02:00");
            return r;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) installations.withName("sales").get().getAdditionalProperties()
                .get("spec");
        assertThat(kept).as("spec after helm upgrade, from " + sales.getMetadata().getName())
                .containsEntry(field, "window sunday 02:00");
    }
}
