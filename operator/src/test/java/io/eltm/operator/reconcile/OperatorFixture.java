package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationSpec;
import io.eltm.api.v1alpha1.InstallationRef;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.api.v1alpha1.Release;
import io.eltm.operator.metrics.UpgradeMetrics;
import io.eltm.testing.kube.Manifests;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The operator in the test's JVM against the real API server, and what the reconciler ITs read and write. */
final class OperatorFixture {

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private Operator operator;

    void start(KubernetesClient admin) {
        Manifests.apply(admin, Path.of(System.getProperty("eltm.crds.dir", "../crds")));
        operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
        operator.register(new EltmInstallationReconciler(Clock.systemUTC(), new UpgradeMetrics(metrics)));
        operator.start();
    }

    void stop() {
        if (operator != null) {
            operator.stop();
        }
    }

    /** Creates namespace {@code name}; returns it. */
    static String namespace(KubernetesClient admin, String name) {
        admin.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    static EltmInstallation get(KubernetesClient admin, String namespace, String name) {
        return admin.resources(EltmInstallation.class).inNamespace(namespace).withName(name).get();
    }

    static List<EltmOperation> operations(KubernetesClient admin, String namespace) {
        return admin.resources(EltmOperation.class).inNamespace(namespace).list().getItems();
    }

    /** The installation's phase, or null before the operator wrote one (Awaitility retries on assertions only). */
    static String phase(KubernetesClient admin, String namespace, String name) {
        EltmInstallation i = get(admin, namespace, name);
        return i == null || i.getStatus() == null || i.getStatus().getPhase() == null ? null
                : i.getStatus().getPhase().name();
    }

    static Condition condition(EltmInstallation i, String type) {
        if (i == null || i.getStatus() == null) {
            throw new AssertionError("no status yet, so no condition " + type);
        }
        return i.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + i.getStatus().getConditions()));
    }

    /** An upgrade to 8.4.2 on {@code host}, made by someone other than the operator for {@code owner}. */
    static EltmOperation operation(String namespace, String name, String host, InstallationRef owner) {
        EltmOperation op = new EltmOperation();
        op.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .addToLabels(EltmOperation.HOST_LABEL, host).build());
        EltmOperationSpec spec = new EltmOperationSpec();
        spec.setInstallation(owner);
        spec.setHost(host);
        spec.setType(OperationType.UPGRADE);
        spec.setRelease(new Release("https://releases.example/eltm-portable-8.4.2.tar.gz", null));
        spec.setTargetVersion("8.4.2");
        op.setSpec(spec);
        return op;
    }
}
