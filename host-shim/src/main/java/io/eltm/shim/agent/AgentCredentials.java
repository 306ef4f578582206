package io.eltm.shim.agent;

import io.eltm.shim.hosts.AgentKubeconfig;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.OAuthTokenProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * The agent's bearer token, renewed by the agent itself as kubelets rotate their certificates: it asks the API
 * server (TokenRequest) for a new short-lived token of its own ServiceAccount well before the current one expires,
 * and writes it back into its kubeconfig (mode 0600, atomically), so a restart starts from the newest token. When
 * someone else replaces the kubeconfig (an admin copying the file {@code host rotate} wrote), the next request
 * uses the token in it. The token is never logged.
 */
public final class AgentCredentials implements OAuthTokenProvider {

    /** What the agent asks for; the API server may shorten it. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(AgentCredentials.class);

    private final Path file;
    private volatile String token;
    private volatile FileTime seen;

    AgentCredentials(Path file, String token) {
        this.file = file;
        this.token = token;
        this.seen = modified();
    }

    @Override
    public String getToken() {
        FileTime now = modified();
        if (now != null && !now.equals(seen)) {
            reload(now);
        }
        return token;
    }

    /**
     * Asks for a fresh token for {@code identity}'s ServiceAccount and makes it the one in use and on disk; returns
     * when it expires. Throws when the API server refuses or cannot be reached.
     */
    synchronized Instant refresh(KubernetesClient client, AgentIdentity identity) {
        TokenRequest issued = client.serviceAccounts().inNamespace(identity.namespace())
                .withName(identity.serviceAccount()).tokenRequest(new TokenRequestBuilder().withNewSpec()
                        .withExpirationSeconds(TOKEN_LIFETIME.toSeconds()).endSpec().build());
        String fresh = issued.getStatus().getToken();
        try {
            AgentKubeconfig.replaceToken(file, fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the refreshed token into " + file, e);
        }
        token = fresh;
        seen = modified();
        Instant expires = Instant.parse(issued.getStatus().getExpirationTimestamp());
        LOG.info("host {}: new token for ServiceAccount {}/{} (valid until {}) written to {}", identity.host(),
                identity.namespace(), identity.serviceAccount(), expires, file);
        return expires;
    }

    /** When to refresh a token that expires at {@code expires}: after 80 % of its remaining life, as kubelets do. */
    static Duration refreshDelay(Instant now, Instant expires) {
        Duration left = Duration.between(now, expires);
        return left.isNegative() ? Duration.ZERO : left.multipliedBy(8).dividedBy(10);
    }

    /** The kubeconfig's bearer token: the client keeps a token read from a file as its "auto" token. */
    static String tokenOf(Config config) {
        return config.getOauthToken() != null ? config.getOauthToken() : config.getAutoOAuthToken();
    }

    private synchronized void reload(FileTime now) {
        if (now.equals(seen)) {
            return;
        }
        try {
            String replaced = tokenOf(Config.fromKubeconfig(Files.readString(file)));
            if (replaced != null && !replaced.isBlank()) {
                token = replaced;
                LOG.info("kubeconfig {} was replaced; using the token in it", file);
            }
            seen = now;
        } catch (IOException | RuntimeException e) {
            // half-written by whoever copies it: keep the token in use and read it again at the next request
            LOG.debug("kubeconfig {} changed but cannot be read yet: {}", file, e.toString());
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
