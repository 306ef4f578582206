package io.eltm.shim.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the agent and the API server on a fixed 127.0.0.1 port, which the test can cut
 * (listener closed, every open connection reset) and restore: the API server "unreachable" for the
 * agent only, with TLS passing through untouched. A few lines of sockets rather than a proxy library.
 */
final class ApiServerProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private ApiServerProxy(InetSocketAddress upstream, int port) {
        this.upstream = upstream;
        this.port = port;
    }

    /** Relays to {@code server} (https://host:port), listening on a free port. */
    static ApiServerProxy to(URI server) {
        ServerSocket first = bind(0);
        ApiServerProxy proxy = new ApiServerProxy(new InetSocketAddress(server.getHost(), server.getPort()),
                first.getLocalPort());
        proxy.listen(first);
        return proxy;
    }

    /** A copy of {@code kubeconfig} whose server is this relay (mode 0600, as it holds a token). */
    Path kubeconfigVia(Path kubeconfig, URI server, Path copy) {
        try {
            String text = Files.readString(kubeconfig).replace(server.getHost() + ":" + server.getPort(),
                    "127.0.0.1:" + port);
            Files.deleteIfExists(copy);
            Files.createFile(copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(copy, text);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + copy, e);
        }
    }

    /** The API server is unreachable: no new connection is accepted, open ones are reset. */
    void cut() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open.forEach(ApiServerProxy::closeQuietly);
        open.clear();
    }

    /** The API server is reachable again, on the same port. */
    void restore() {
        listen(bind(port));
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        startAccepting(socket);
    }

    private void startAccepting(ServerSocket socket) {
        Thread accept = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                    open.add(client);
                    open.add(server);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // the listener was closed by cut(): stop accepting
                }
            }
        }, "api-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away (or cut()): close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "api-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
