package io.eltm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** {@code java -jar eltm-operator.jar} with the admin kubeconfig, its health and metrics on a free port. */
final class OperatorProcess implements RunningOperator {

    private final Path kubeconfig;
    private final Path log;
    private JavaProcess process;
    private String port;

    private OperatorProcess(Path kubeconfig, Path log) {
        this.kubeconfig = kubeconfig;
        this.log = log;
    }

    static OperatorProcess start(Path kubeconfig, Path log) throws IOException {
        OperatorProcess operator = new OperatorProcess(kubeconfig, log);
        operator.start();
        return operator;
    }

    private void start() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = Integer.toString(s.getLocalPort());
        }
        process = JavaProcess.start(JavaProcess.jar("eltm.operator.jar"), log,
                Map.of("KUBECONFIG", kubeconfig.toString(), "ELTM_OPERATOR_HEALTH_PORT", port));
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String log() {
        return process.log();
    }

    @Override
    public String metrics() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Override
    public void killAndRestart() throws Exception {
        process.kill();
        start();
    }

    @Override
    public void close() {
        process.close();
    }
}
