package io.eltm.testing.kube;

import java.util.concurrent.CountDownLatch;

/**
 * The launcher for people ({@code testing/control-plane/start.sh}): starts the local control plane,
 * prints its kubeconfig and waits; Ctrl-C (SIGINT/SIGTERM) stops etcd and kube-apiserver and removes
 * the temp directory.
 */
public final class ControlPlaneMain {

  private ControlPlaneMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    LocalControlPlane plane = LocalControlPlane.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping the control plane and removing " + plane.workDir());
      plane.close();
      stopped.countDown();
    }, "control-plane-stop"));
    System.out.printf("""
        Kubernetes %s control plane ready in %d ms: %s
        etcd and kube-apiserver pids: %s
        kubeconfig (cluster-admin): %s

          export KUBECONFIG=%s
          %s get --raw /readyz

        Ctrl-C stops it and removes %s
        """, plane.binaries().kubernetesVersion(), plane.startupTime().toMillis(), plane.server(), plane.pids(),
        plane.kubeconfig(), plane.kubeconfig(), plane.binaries().kubectl(), plane.workDir());
    stopped.await();
  }
}
