package io.eltm.shim.hosts;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.Config;
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
 * The agent's kubeconfig: the admin's API server and CA, the agent's token, its namespace. Created
 * with mode 0600 from the first byte (a temp file in the same directory, renamed into place), since
 * it holds a credential.
 */
public final class AgentKubeconfig {

    private AgentKubeconfig() {
    }

    public static void write(Path file, Config admin, HostRegistration.Registered host) throws IOException {
        var config = new ConfigBuilder()
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
        byte[] yaml = new KubernetesSerialization().asYaml(config).getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, yaml, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String caData(Config admin) throws IOException {
        if (admin.getCaCertData() != null && !admin.getCaCertData().isBlank()) {
            return admin.getCaCertData();
        }
        if (admin.getCaCertFile() != null) {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
        }
        return null;
    }
}
