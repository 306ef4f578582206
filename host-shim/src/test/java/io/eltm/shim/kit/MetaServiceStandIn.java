package io.eltm.shim.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;

/**
 * Stand-in for the product's Spring Boot meta-service: the process {@code mstart-all} starts and the
 * health probe ({@code ELTM_HEALTH_URL}) talks to. {@link ReleaseKit} packages this one class (JDK
 * only, no nested classes) into each release's {@code server/engine/eltm-meta-service.jar}.
 *
 * <p>It reads {@code $ISERVER_HOME/VERSION} at start, serves TLS from {@code server/keystore.jks} on the
 * host and port of {@code ELTM_HEALTH_URL} (or on the address {@code ELTM_META_LISTEN} names, at that
 * port), and answers that URL's path with 200 and a WSDL naming the
 * VERSION and GIT_SHA it runs; or with 503 forever when the jar's own
 * {@code META-INF/eltm/meta-service.properties} says {@code healthy=false} (the "never healthy" release).
 */
public final class MetaServiceStandIn {

    static final String SETTINGS_RESOURCE = "META-INF/eltm/meta-service.properties";
    private static final String DEFAULT_HEALTH_URL =
            "https://localhost:8181/MaestroMetaDataProviderService/MaestroMetaService?wsdl";

    private MetaServiceStandIn() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        String homeVariable = System.getenv("ISERVER_HOME");
        if (homeVariable == null || homeVariable.isBlank()) {
            throw new IllegalStateException("ISERVER_HOME is not set: start the meta-service through mstart-all "
                    + "with ~/.env_integrator sourced");
        }
        Path home = Path.of(homeVariable);
        URI healthUrl = URI.create(System.getenv().getOrDefault("ELTM_HEALTH_URL", DEFAULT_HEALTH_URL));
        Properties release = load(Files.newInputStream(home.resolve("VERSION")));
        Properties settings = load(MetaServiceStandIn.class.getClassLoader().getResourceAsStream(SETTINGS_RESOURCE));
        boolean healthy = Boolean.parseBoolean(settings.getProperty("healthy", "true"));
        String version = release.getProperty("VERSION", "unknown");
        String gitSha = release.getProperty("GIT_SHA", "unknown");

        // ELTM_META_LISTEN: where to listen when that is not the URL's host (0.0.0.0 in a pod behind a Service)
        String listen = System.getenv().getOrDefault("ELTM_META_LISTEN", healthUrl.getHost());
        HttpsServer server = HttpsServer.create(
                new InetSocketAddress(InetAddress.getByName(listen),
                        healthUrl.getPort() < 0 ? 443 : healthUrl.getPort()), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(home.resolve("server/keystore.jks"))));
        byte[] wsdl = wsdl(version, gitSha, healthUrl).getBytes(StandardCharsets.UTF_8);
        byte[] unavailable = ("meta-service " + version + " (" + gitSha + ") is not ready\n")
                .getBytes(StandardCharsets.UTF_8);
        String path = healthUrl.getPath();
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                respond(exchange, 404, "text/plain", ("no such endpoint: " + exchange.getRequestURI().getPath()
                        + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (healthy) {
                respond(exchange, 200, "text/xml; charset=utf-8", wsdl);
            } else {
                respond(exchange, 503, "text/plain", unavailable);
            }
        });
        // no shutdown hook: HttpServer.stop waits up to a second for its dispatcher, and there is nothing
        // to flush, so TERM ends the process at once
        server.start();
        System.out.println("ELTM meta-service stand-in " + version + " (" + gitSha + ") serving " + healthUrl
                + (healthy ? "" : " with 503 (healthy=false)"));
    }

    private static SSLContext tls(Path keystore) throws IOException, GeneralSecurityException {
        char[] password = System.getenv().getOrDefault("ELTM_KEYSTORE_PASSWORD", "changeit").toCharArray();
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static String wsdl(String version, String gitSha, URI location) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" name="MaestroMetaService"
                             targetNamespace="http://maestro.eltm.io/meta">
                  <documentation>ELTM MaestroMetaService VERSION=%s GIT_SHA=%s</documentation>
                  <service name="MaestroMetaService">
                    <port name="MaestroMetaServicePort" binding="MaestroMetaServiceBinding">
                      <address location="%s"/>
                    </port>
                  </service>
                </definitions>
                """.formatted(version, gitSha, location);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Properties load(InputStream in) throws IOException {
        Properties properties = new Properties();
        if (in != null) {
            try (in) {
                properties.load(in);
            }
        }
        return properties;
    }
}
