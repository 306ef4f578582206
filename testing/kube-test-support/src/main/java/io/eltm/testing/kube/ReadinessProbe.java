package io.eltm.testing.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Asks a starting server whether it is ready; any failure to answer counts as "not yet". */
@FunctionalInterface
interface ReadinessProbe {

  boolean ready() throws Exception;

  /** etcd's {@code /health} over plain HTTP (loopback only). */
  static ReadinessProbe plainHttp(String url, String expectedBody) {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
    return () -> {
      var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains(expectedBody);
    };
  }

  /**
   * kube-apiserver's {@code /readyz}: 200 once etcd answers, the RBAC bootstrap roles exist and the
   * informers behind admission have synced, i.e. when a test's first request can be trusted.
   */
  static ReadinessProbe kubeReadyz(KubernetesClient client) {
    HttpClient http = client.getHttpClient();
    String url = client.getMasterUrl().toString().replaceAll("/$", "") + "/readyz";
    return () -> {
      HttpResponse<String> response = http.sendAsync(http.newHttpRequestBuilder().uri(url).build(), String.class)
          .get(2, TimeUnit.SECONDS);
      return response.code() == 200;
    };
  }

}
