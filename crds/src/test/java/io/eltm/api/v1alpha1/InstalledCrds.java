package io.eltm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Installs what a user installs: {@code kubectl apply -f crds/} (the committed CRDs and the agent confinement
 * policy), then waits until the three CRDs are Established. Idempotent, so every test may call it.
 */
final class InstalledCrds {

  static final Path COMMITTED = Path.of(System.getProperty("eltm.crds.committed", "."));

  static final List<Class<? extends HasMetadata>> RESOURCES =
      List.of(EltmInstallation.class, EltmHost.class, EltmOperation.class);

  private InstalledCrds() {
  }

  /** Returns kubectl's apply output. */
  static String apply(Kubectl kubectl) throws IOException, InterruptedException {
    String applied = kubectl.run("apply", "-f", COMMITTED.toString());
    for (Class<? extends HasMetadata> resource : RESOURCES) {
      assertThat(kubectl.run("wait", "--for=condition=Established", "--timeout=30s",
          "crd/" + HasMetadata.getFullResourceName(resource))).contains("condition met");
    }
    return applied;
  }
}
