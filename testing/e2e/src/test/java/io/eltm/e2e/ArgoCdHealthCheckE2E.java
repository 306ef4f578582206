package io.eltm.e2e;

import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped health check's {@code health_test.yaml} (Argo CD's own format) holds: for every test status --
 * installations saved by {@link GitOpsWithArgoCdE2E} -- {@code argocd admin settings resource-overrides health}
 * with the check installed in argocd-cm as users install it (no {@code useOpenLibs}) gives the expected status
 * and message.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class ArgoCdHealthCheckE2E {

    @TempDir
    Path dir;

    @Test
    void argoCdGivesEveryTestStatusTheHealthAndMessageHealthTestYamlExpects(KubeCluster cluster, Path kubeconfig)
            throws Exception {
        Path argocdCm = ArgoCdHealthCheck.argocdCm(new Kubectl(cluster.kubectl(), kubeconfig), "argocd", dir);
        assertThat(argocdCm).content().contains(ArgoCdHealthCheck.CONFIG_KEY).doesNotContain("useOpenLibs");
        ArgoCdBinaries argocd = ArgoCdBinaries.fromCache();

        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> test : tests()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = (Map<String, Object>) test.get("healthStatus");
            Path input = ArgoCdHealthCheck.directory().resolve((String) test.get("inputPath"));
            softly.assertThat(ArgoCdHealthCheck.evaluate(argocd, argocdCm, input)).as(input.getFileName().toString())
                    .isEqualTo(new ArgoCdHealthCheck.Health((String) expected.get("status"), (String) expected.get("message")));
        }
        softly.assertAll();
    }

    @Test
    void everySavedStatusIsTestedAndEveryHealthTheCheckPromisesHasOne() throws Exception {
        List<String> inputs = tests().stream().map(t -> (String) t.get("inputPath")).toList();
        List<String> files;
        try (Stream<Path> list = Files.list(ArgoCdHealthCheck.directory().resolve("testdata"))) {
            files = list.map(f -> "testdata/" + f.getFileName()).toList();
        }
        assertThat(inputs).containsExactlyInAnyOrderElementsOf(files);
        @SuppressWarnings("unchecked")
        List<String> statuses = tests().stream().map(t -> (String) ((Map<String, Object>) t.get("healthStatus")).get("status"))
                .toList();
        assertThat(statuses).contains("Healthy", "Progressing", "Degraded", "Suspended");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tests() throws Exception {
        Map<String, Object> file = Serialization.unmarshal(
                Files.readString(ArgoCdHealthCheck.directory().resolve("health_test.yaml")), Map.class);
        return (List<Map<String, Object>>) file.get("tests");
    }
}
