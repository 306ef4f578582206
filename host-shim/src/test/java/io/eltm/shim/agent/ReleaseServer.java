package io.eltm.shim.agent;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves release tarballs over HTTP on 127.0.0.1, the way a release repository would. */
final class ReleaseServer implements AutoCloseable {

    private final HttpServer server;

    private ReleaseServer(HttpServer server) {
        this.server = server;
    }

    static ReleaseServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.start();
            return new ReleaseServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the release server on 127.0.0.1", e);
        }
    }

    /** Serves {@code tarball} under its file name; returns its URL. */
    String serve(Path tarball) {
        String path = "/releases/" + tarball.getFileName();
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, Files.size(tarball));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(tarball, out);
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves {@code text} at {@code path}; returns its URL. */
    String serveText(String path, String text) {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
