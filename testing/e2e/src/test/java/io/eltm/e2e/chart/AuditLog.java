package io.eltm.e2e.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The node API server's audit log (JSON lines, level Metadata, testing/kube-test-support NodeAudit): the
 * requests one user made, as the API server decided them.
 */
public final class AuditLog {

    /**
     * One request: what was asked, and what the authorizer and the API server answered. {@code resource}
     * carries its subresource as RBAC names it ({@code eltminstallations/status}).
     */
    public record Request(String verb, String apiGroup, String resource, String namespace, String name,
                          int code, String decision) {

        /** The authorizer allowed it and the API server did not answer 403. */
        public boolean allowed() {
            return "allow".equals(decision) && code != 403;
        }

        @Override
        public String toString() {
            return verb + " " + (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource
                    + (namespace.isEmpty() ? "" : " in " + namespace) + (name.isEmpty() ? "" : " " + name)
                    + " -> " + code + " " + decision;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Every request {@code user} made that reached a resource (not /healthz, /version, discovery). */
    public List<Request> requestsBy(String user) {
        try (var lines = Files.lines(file)) {
            return lines.map(AuditLog::parse)
                    .filter(e -> user.equals(e.path("user").path("username").asText()))
                    .filter(e -> e.hasNonNull("objectRef"))
                    .map(AuditLog::request).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("audit log line is not JSON: " + line, e);
        }
    }

    private static Request request(JsonNode event) {
        JsonNode ref = event.path("objectRef");
        String resource = ref.path("resource").asText();
        String sub = ref.path("subresource").asText("");
        return new Request(event.path("verb").asText(), ref.path("apiGroup").asText(""),
                sub.isEmpty() ? resource : resource + "/" + sub, ref.path("namespace").asText(""),
                ref.path("name").asText(""), event.path("responseStatus").path("code").asInt(0),
                event.path("annotations").path("authorization.k8s.io/decision").asText(""));
    }
}
