package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeBinariesTest {

  @Test
  void pinnedVersionIsTheKubernetesModuleTheBuildScriptBuilds() throws Exception {
    String goMod = Files.readString(Path.of("../control-plane/go/go.mod"));

    assertThat(goMod).containsPattern("\\n\\s*k8s.io/kubernetes " + KubeBinaries.pinnedVersion().replace(".", "\\.") + "\\n");
  }

  @Test
  void cacheIsKeyedByVersionUnderTheConfiguredDirectory(@TempDir Path cache) {
    Properties properties = new Properties();
    properties.setProperty("user.home", "/home/someone");

    assertThat(KubeBinaries.fromCache(properties, Map.of()).directory())
        .isEqualTo(Path.of("/home/someone/.cache/eltm/control-plane", KubeBinaries.pinnedVersion()));
    assertThat(KubeBinaries.fromCache(properties, Map.of(KubeBinaries.CACHE_ENV, cache.toString())).directory())
        .isEqualTo(cache.resolve(KubeBinaries.pinnedVersion()));
  }

  @Test
  void missingBinaryFailsTellingToRunTheBuildScript(@TempDir Path cache) {
    KubeBinaries binaries = KubeBinaries.fromCache(new Properties(), Map.of(KubeBinaries.CACHE_ENV, cache.toString()));

    assertThat(binaries.present()).isFalse();
    assertThatThrownBy(binaries::kubeApiServer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kube-apiserver " + KubeBinaries.pinnedVersion() + " is missing")
        .hasMessageContaining(cache.toString())
        .hasMessageContaining("bash testing/control-plane/build.sh");
  }
}
