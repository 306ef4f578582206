package io.eltm.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process serves), {@code /readyz} (the operator started, its informers are
 * healthy) and {@code /metrics} (Prometheus text: JOSDK's reconcile metrics and {@code eltm_upgrade*}).
 */
final class HealthEndpoints {

    private final HttpServer server;

    private HealthEndpoints(HttpServer server) {
        this.server = server;
    }

    static HealthEndpoints start(Operator operator, PrometheusMeterRegistry registry, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
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
