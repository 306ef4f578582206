package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationSpec;
import io.eltm.api.v1alpha1.OperationOptions;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.api.v1alpha1.Release;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What {@code eltm-shim host add h1} sets up, done by the test as admin: the CRDs, EltmHost {@code h1},
 * the agent's ServiceAccount with {@link AgentRoleFixture}'s Role, and a kubeconfig for it.
 */
final class HostFixture {

    static final String HOST = "h1";

    private final KubernetesClient admin;
    private final String namespace;
    private final Path kubeconfig;

    private HostFixture(KubernetesClient admin, String namespace, Path kubeconfig) {
        this.admin = admin;
        this.namespace = namespace;
        this.kubeconfig = kubeconfig;
    }

    static HostFixture register(KubernetesClient admin, KubeCluster cluster, TestNamespace ns) {
        InstalledCrds.apply(admin);
        EltmHost host = new EltmHost();
        host.setMetadata(new ObjectMetaBuilder().withName(HOST).withNamespace(ns.name()).build());
        admin.resource(host).create();
        String account = AgentRoleFixture.grant(admin, ns.name(), HOST);
        return new HostFixture(admin, ns.name(), cluster.kubeconfigAs(ns.name(), account));
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    String namespace() {
        return namespace;
    }

    /** Creates, as the operator would, an operation labelled for h1. */
    EltmOperation createOperation(String name, OperationType type, String url, String sha256, String targetVersion) {
        EltmOperationSpec spec = new EltmOperationSpec();
        spec.setInstallation(new io.eltm.api.v1alpha1.InstallationRef(namespace, "iserver", "uid-of-iserver"));
        spec.setHost(HOST);
        spec.setType(type);
        spec.setRelease(url == null ? null : new Release(url, sha256));
        spec.setTargetVersion(targetVersion);
        OperationOptions options = new OperationOptions();
        options.setHealthTimeoutSeconds(60);
        spec.setOptions(options);
        EltmOperation op = new EltmOperation();
        op.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .addToLabels(EltmOperation.HOST_LABEL, HOST).build());
        op.setSpec(spec);
        return admin.resource(op).create();
    }

    EltmOperation operation(String name) {
        return admin.resources(EltmOperation.class).inNamespace(namespace).withName(name).get();
    }

    EltmHost host() {
        return admin.resources(EltmHost.class).inNamespace(namespace).withName(HOST).get();
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
