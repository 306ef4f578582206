package io.eltm.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process serves) and {@code /readyz} (the operator started, its informers are healthy). */
final class HealthEndpoints {

    private final HttpServer server;

    private HealthEndpoints(HttpServer server) {
        this.server = server;
    }

    static HealthEndpoints start(Operator operator, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthz", exchange -> answer(exchange, () -> true));
        server.createContext("/readyz", exchange -> answer(exchange, () -> operator.getRuntimeInfo().isStarted()
                && operator.getRuntimeInfo().allEventSourcesAreHealthy()));
        server.start();
        return new HealthEndpoints(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, BooleanSupplier ok) throws IOException {
        boolean healthy = ok.getAsBoolean();
        byte[] body = (healthy ? "ok\n" : "not ready\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
