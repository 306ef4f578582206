package io.eltm.testing.kube;

import static io.eltm.testing.kube.Widgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kubectl built from source drives the cluster, and `kubectl wait` understands our status conditions. */
@ExtendWith(KubeControlPlaneExtension.class)
class KubectlIT {

  @Test
  void kubectlAppliesManifestAndWaitReturnsWhenStatusConditionIsSet(KubeCluster cluster, KubernetesClient admin,
      Path kubeconfig, TestNamespace ns) throws Exception {
    Path resources = Path.of("src/test/resources");
    assertThat(kubectl(cluster, kubeconfig, 60, "apply", "-f", resources.resolve("widget-crd.yaml").toString()))
        .contains("widgets.test.eltm.io");
    assertThat(kubectl(cluster, kubeconfig, 60, "wait", "--for=condition=Established", "--timeout=30s",
        "crd/widgets.test.eltm.io")).contains("condition met");
    assertThat(kubectl(cluster, kubeconfig, 60, "apply", "-n", ns.name(), "-f",
        resources.resolve("widget.yaml").toString())).contains("widget.test.eltm.io/applied-by-kubectl");

    // Nothing has set the condition yet: kubectl wait must give up, not succeed.
    assertThat(run(cluster, kubeconfig, 60, "wait", "-n", ns.name(), "--for=condition=Ready", "--timeout=2s",
        "widget/applied-by-kubectl")).satisfies(r -> {
          assertThat(r.exitCode()).isNotZero();
          assertThat(r.output()).contains("timed out");
        });

    Process waiting = start(cluster, kubeconfig, "wait", "-n", ns.name(), "--for=condition=Ready",
        "--timeout=60s", "widget/applied-by-kubectl");
    GenericKubernetesResource widget = widgets(admin).inNamespace(ns.name()).withName("applied-by-kubectl").get();
    widget.setAdditionalProperty("status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True",
        "reason", "SetByTest", "lastTransitionTime", "2026-01-01T00:00:00Z"))));
    widgets(admin).resource(widget).updateStatus();

    assertThat(waiting.waitFor(60, TimeUnit.SECONDS)).as("kubectl wait returned").isTrue();
    String output = new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(waiting.exitValue()).as(output).isZero();
    assertThat(output).contains("widget.test.eltm.io/applied-by-kubectl condition met");
  }

  private record Result(int exitCode, String output) {
  }

  private static String kubectl(KubeCluster cluster, Path kubeconfig, int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    Result result = run(cluster, kubeconfig, timeoutSeconds, args);
    assertThat(result.exitCode()).as("kubectl %s: %s", String.join(" ", args), result.output()).isZero();
    return result.output();
  }

  private static Result run(KubeCluster cluster, Path kubeconfig, int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    Process process = start(cluster, kubeconfig, args);
    assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static Process start(KubeCluster cluster, Path kubeconfig, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(cluster.kubectl().toString(), "--kubeconfig=" + kubeconfig));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
