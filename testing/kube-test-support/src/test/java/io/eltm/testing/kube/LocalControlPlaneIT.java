package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher itself: a real kube-apiserver of the pinned version, gone without a trace when closed. */
class LocalControlPlaneIT {

  @Test
  void startsPinnedKubernetesAndRemovesEverythingWhenClosed() throws Exception {
    Path workDir;
    List<ProcessHandle> servers;
    try (LocalControlPlane plane = LocalControlPlane.start()) {
      workDir = plane.workDir();
      servers = plane.pids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
      System.out.printf("[measure] control plane ready in %d ms; etcd+kube-apiserver RSS %s%n",
          plane.startupTime().toMillis(), rss(plane.pids()));

      Process version = new ProcessBuilder(plane.binaries().kubectl().toString(),
          "--kubeconfig=" + plane.kubeconfig(), "version", "-o", "json").redirectErrorStream(true).start();
      assertThat(version.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(output).contains("\"serverVersion\"").contains("\"gitVersion\": \"" + plane.binaries().kubernetesVersion());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plane.kubeconfig())))
          .as("the admin kubeconfig holds a private key").isEqualTo("rw-------");
    }

    assertThat(servers).noneMatch(ProcessHandle::isAlive);
    assertThat(workDir).doesNotExist();
  }

  /** Resident memory of the servers, from /proc (Linux). */
  private static String rss(List<Long> pids) throws Exception {
    long kib = 0;
    for (long pid : pids) {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          kib += Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    }
    return kib / 1024 + " MiB";
  }
}
