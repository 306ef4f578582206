package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Watches are real server-side streams: every change arrives, in order. */
@ExtendWith(KubeControlPlaneExtension.class)
class WatchIT {

  @Test
  void watchSeesCreateUpdateAndDeleteInOrder(KubernetesClient admin, TestNamespace ns) {
    List<String> events = new CopyOnWriteArrayList<>();
    Watch watch = admin.configMaps().inNamespace(ns.name()).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap configMap) {
        events.add(action + " " + configMap.getMetadata().getName() + " " + configMap.getData());
      }

      @Override
      public void onClose(WatcherException cause) {
        events.add("CLOSED " + cause.getMessage());
      }
    });
    try {
      var configMap = admin.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder()
          .withNewMetadata().withName("watched").endMetadata().addToData("step", "1").build()).create();
      configMap.getData().put("step", "2");
      admin.configMaps().inNamespace(ns.name()).resource(configMap).update();
      admin.configMaps().inNamespace(ns.name()).withName("watched").delete();

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).containsExactly(
          "ADDED watched {step=1}", "MODIFIED watched {step=2}", "DELETED watched {step=2}"));
    } finally {
      watch.close();
    }
  }
}
