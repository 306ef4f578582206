package io.eltm.shim.hosts;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The agent's kubeconfig: the admin's API server and CA, the agent's token, its namespace. Written with mode 0600
 * from the first byte (a temp file in the same directory, synced and renamed into place), since it holds a
 * credential: by {@code host add} and {@code host rotate}, and by the agent itself each time it refreshes its token.
 */
public final class AgentKubeconfig {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private AgentKubeconfig() {
    }

    public static void write(Path file, io.fabric8.kubernetes.client.Config admin, HostRegistration.Registered host)
            throws IOException {
        Config config = new ConfigBuilder()
                .withApiVersion("v1").withKind("Config")
                .addNewCluster().withName("eltm").withNewCluster()
                .withServer(admin.getMasterUrl())
                .withCertificateAuthorityData(caData(admin))
                .withInsecureSkipTlsVerify(admin.isTrustCerts() ? Boolean.TRUE : null)
                .endCluster().endCluster()
                .addNewUser().withName(host.serviceAccount()).withNewUser().withToken(host.token()).endUser().endUser()
                .addNewContext().withName("eltm-agent").withNewContext()
                .withCluster("eltm").withUser(host.serviceAccount()).withNamespace(host.namespace())
                .endContext().endContext()
                .withCurrentContext("eltm-agent")
                .build();
        writePrivately(file, YAML.asYaml(config).getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the token of the current context's user in {@code file}, keeping everything else. */
    public static void replaceToken(Path file, String token) throws IOException {
        Config config = YAML.unmarshal(Files.readString(file), Config.class);
        String user = config.getContexts().stream().filter(c -> c.getName().equals(config.getCurrentContext()))
                .map(NamedContext::getContext).map(c -> c.getUser()).findFirst()
                .orElseThrow(() -> new IOException(file + " has no current context"));
        NamedAuthInfo auth = config.getUsers().stream().filter(u -> u.getName().equals(user)).findFirst()
                .orElseThrow(() -> new IOException(file + " has no user " + user));
        auth.getUser().setToken(token);
        writePrivately(file, YAML.asYaml(config).getBytes(StandardCharsets.UTF_8));
    }

    private static void writePrivately(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (var out = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(content));
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String caData(io.fabric8.kubernetes.client.Config admin) throws IOException {
        if (admin.getCaCertData() != null && !admin.getCaCertData().isBlank()) {
            return admin.getCaCertData();
        }
        if (admin.getCaCertFile() != null) {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
        }
        return null;
    }
}
