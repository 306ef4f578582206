package io.eltm.shim.agent;

import io.eltm.shim.RefusedException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The agent's kubeconfig (written by {@code host add}, mode 0600): the client built from it, whose token comes
 * from {@link AgentCredentials}. A kubeconfig that others may read or write is refused; so is one in a directory
 * the agent cannot write, since the agent writes each refreshed token back into it. The token is never logged.
 */
public final class AgentKubeconfig {

    private static final Logger LOG = LoggerFactory.getLogger(AgentKubeconfig.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final Config config;
    private final AgentCredentials credentials;

    private AgentKubeconfig(Path file, Config config) {
        this.file = file;
        this.config = config;
        this.credentials = new AgentCredentials(file, AgentCredentials.tokenOf(config));
        config.setOauthTokenProvider(credentials);
    }

    public AgentCredentials credentials() {
        return credentials;
    }

    public static AgentKubeconfig read(Path file) {
        if (!Files.isReadable(file)) {
            throw new RefusedException("kubeconfig " + file + " does not exist or is not readable: write it with "
                    + "`eltm-shim host add NAME --out FILE` on an admin machine and copy it here (mode 0600)");
        }
        refuseIfOthersCanAccess(file);
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isWritable(dir)) {
            throw new RefusedException("the agent writes each refreshed token back into its kubeconfig " + file
                    + ", but cannot write in " + dir + ": keep the kubeconfig in a directory its user owns (e.g."
                    + " /etc/eltm owned by the service user, mode 0700)");
        }
        quietClientLogs();
        Config config = Config.fromKubeconfig(file.toFile());
        // The agent retries on its own schedule (Backoff, at most 30 s apart); the client's own retries
        // would hold a status write, a heartbeat or the Lease for minutes while the API server is away.
        config.setRequestRetryBackoffLimit(0);
        return new AgentKubeconfig(file, config);
    }

    public KubernetesClient client() {
        LOG.info("API server {} (credentials from {})", config.getMasterUrl(), file);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static void refuseIfOthersCanAccess(Path file) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OTHERS::contains)) {
                throw new RefusedException("kubeconfig " + file + " holds the agent's token and is open to others ("
                        + PosixFilePermissions.toString(mode) + "): run `chmod 600 " + file + "`, and rotate the"
                        + " host's credential (`eltm-shim host rotate HOST`) if others may have read it");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }

    /**
     * The client logs every watch reconnect with a stack trace and every v1alpha1 request with a
     * warning; the agent reports outages itself, once when they start and once when they end.
     */
    private static void quietClientLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager",
                "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
                "error");
    }
}
