package io.eltm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.testing.kube.KubeCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The kubectl built for the test control plane, run as the admin; a failed command fails the test. */
final class Kubectl {

  private final KubeCluster cluster;
  private final Path kubeconfig;

  Kubectl(KubeCluster cluster, Path kubeconfig) {
    this.cluster = cluster;
    this.kubeconfig = kubeconfig;
  }

  /** Runs kubectl with {@code args}, returns its output (stdout and stderr), asserts it exited 0. */
  String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(cluster.kubectl().toString(), "--kubeconfig=" + kubeconfig));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl %s finished", String.join(" ", args)).isTrue();
    assertThat(process.exitValue()).as("kubectl %s: %s", String.join(" ", args), output).isZero();
    return output;
  }
}
