package io.eltm.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart as Helm reads and renders it, without a cluster: what `helm lint` and `helm template` show. */
class ChartTest {

    private static final OperatorChart CHART = OperatorChart.committed();

    @Test
    void lintStrictFindsNothing() {
        LintResult lint = CHART.lintStrict();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void theChartRendersTheCommittedCrdsAndPolicyByteForByte() throws Exception {
        Rendered rendered = Rendered.of(CHART.template("eltm-system", Map.of()));

        List<Path> committed;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("eltm.crds.dir")))) {
            committed = files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(committed).hasSize(4);
        for (Path file : committed) {
            // each YAML document of the file, byte for byte (only the blank lines around "---" are Helm's)
            assertThat(rendered.sources("crds.yaml")).as("the chart's documents from " + file.getFileName())
                    .containsAll(Rendered.of(Files.readString(file)).documents().stream()
                            .map(Rendered.Document::text).toList());
        }
        assertThat(rendered.sources("crds.yaml")).hasSize(5);
        assertThat(rendered.all()).filteredOn(r -> r.getKind().equals("CustomResourceDefinition")
                        || r.getKind().startsWith("ValidatingAdmissionPolicy"))
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.getMetadata().getAnnotations())
                        .containsEntry("helm.sh/resource-policy", "keep"));
    }

    @Test
    void crdsInstallFalseLeavesThemOut() {
        Rendered rendered = Rendered.of(CHART.template("eltm-system", Map.of("crds.install", false)));

        assertThat(rendered.all()).noneMatch(r -> r.getKind().equals("CustomResourceDefinition"));
        assertThat(rendered.all()).anyMatch(r -> r.getKind().equals("Deployment"));
    }

    @Test
    void theOperatorPodIsRestrictedWithProbesAndLeaderElection() {
        Deployment deployment = Rendered.of(CHART.template("eltm-system", Map.of())).one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getImage()).isEqualTo("eltm.io/eltm-operator:" + System.getProperty("eltm.project.version"));
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("ELTM_OPERATOR_NAMESPACE");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
        });
        assertThat(pod.getServiceAccountName()).isEqualTo("eltm-eltm-operator");
    }

    @Test
    void byDefaultOneClusterRoleWithoutWildcardsAndLeaderElectionOnlyInTheReleaseNamespace() {
        Rendered rendered = Rendered.of(CHART.template("eltm-system", Map.of()));

        assertThat(rendered.all(ClusterRole.class)).hasSize(1);
        List<Role> roles = rendered.all(Role.class);
        assertThat(roles).singleElement().satisfies(r -> {
            assertThat(r.getMetadata().getNamespace()).isEqualTo("eltm-system");
            assertThat(r.getRules()).allMatch(rule -> rule.getResources().equals(List.of("leases")));
        });
        assertThat(rules(rendered)).allSatisfy(ChartTest::noWildcard);
    }

    @Test
    void watchNamespacesGrantsARolePerNamespaceAndNoClusterRole() {
        Rendered rendered = Rendered.of(CHART.template("eltm-system",
                Map.of("watchNamespaces[0]", "eltm-emea", "watchNamespaces[1]", "eltm-apac")));

        assertThat(rendered.all(ClusterRole.class)).isEmpty();
        assertThat(rendered.all(Role.class)).extracting(r -> r.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("eltm-emea", "eltm-apac", "eltm-system");
        assertThat(rendered.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> {
                    assertThat(e.getName()).isEqualTo("ELTM_OPERATOR_WATCH_NAMESPACES");
                    assertThat(e.getValue()).isEqualTo("eltm-emea,eltm-apac");
                });
        assertThat(rules(rendered)).allSatisfy(ChartTest::noWildcard);
    }

    @Test
    void theValuesSchemaRefusesAWrongTypeNamingTheKey() {
        assertThatThrownBy(() -> CHART.template("eltm-system", Map.of("replicaCount", "two")))
                .hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> CHART.template("eltm-system", Map.of("leaderElection.enabled", "maybe")))
                .hasMessageContaining("leaderElection");
    }

    @Test
    void theValuesSchemaRefusesAnUnknownTopLevelKey() {
        assertThatThrownBy(() -> CHART.template("eltm-system", Map.of("replicas", 2)))
                .hasMessageContaining("replicas");
    }

    @Test
    void theChartsAppVersionIsTheProjectsVersionSoTheDefaultImageIsTheOneBuilt() throws Exception {
        String chart = Files.readString(CHART.dir().resolve("Chart.yaml"));

        assertThat(chart).contains("\nappVersion: " + System.getProperty("eltm.project.version") + "\n")
                .contains("\nversion: " + System.getProperty("eltm.project.version") + "\n");
    }

    private static List<PolicyRule> rules(Rendered rendered) {
        return Stream.concat(rendered.all(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
                rendered.all(Role.class).stream().flatMap(r -> r.getRules().stream())).toList();
    }

    private static void noWildcard(PolicyRule rule) {
        assertThat(rule.getVerbs()).doesNotContain("*");
        assertThat(rule.getResources()).doesNotContain("*");
        assertThat(rule.getApiGroups()).doesNotContain("*");
    }
}
