package io.eltm.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Release tarballs over HTTP on 127.0.0.1, as {@code eltm-portable-<version>.tar.gz}: what spec.release.url names. */
final class ReleaseRepository implements AutoCloseable {

    private final HttpServer server;

    ReleaseRepository() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    void publish(Path tarball) {
        server.createContext("/releases/" + tarball.getFileName(), exchange -> {
            exchange.sendResponseHeaders(200, Files.size(tarball));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(tarball, out);
            }
        });
    }

    /** The URL template with {@code {version}}, as users write it in the spec. */
    String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/releases/eltm-portable-{version}.tar.gz";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
