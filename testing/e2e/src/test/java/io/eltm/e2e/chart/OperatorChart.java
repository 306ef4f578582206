package io.eltm.e2e.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.UpgradeCommand;

import io.eltm.testing.kube.KubeBinaries;

import java.nio.file.Path;
import java.util.Map;

/**
 * The chart {@code charts/eltm-operator} driven by real Helm (helm-java bundles Helm 3.21 as a native
 * library): what a platform team runs, with values given as {@code --set KEY=VALUE}.
 */
public final class OperatorChart {

    public static final String RELEASE = "eltm";

    private final Path dir;

    public OperatorChart(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** The chart in this repository. */
    public static OperatorChart committed() {
        return new OperatorChart(Path.of(System.getProperty("eltm.chart.dir")));
    }

    public Path dir() {
        return dir;
    }

    /** {@code helm lint --strict}. */
    public LintResult lintStrict() {
        return new Helm(dir).lint().strict().call();
    }

    /**
     * {@code helm template eltm CHART --namespace NS --kube-version V --set ...}: the manifests, as Helm prints
     * them for the Kubernetes version the tests run (Helm assumes v1.20 without a cluster).
     */
    public String template(String namespace, Map<String, Object> values) {
        TemplateCommand template = new Helm(dir).template().withName(RELEASE).withNamespace(namespace)
                .withKubeVersion(KubeBinaries.pinnedVersion());
        values.forEach(template::set);
        return template.call();
    }

    /** {@code helm install eltm CHART --namespace NS --wait --timeout 180s --set ...}. */
    public Release install(Path kubeconfig, String namespace, Map<String, Object> values) {
        InstallCommand install = new Helm(dir).install().withName(RELEASE).withNamespace(namespace)
                .withKubeConfig(kubeconfig).waitReady().withTimeout(180);
        values.forEach(install::set);
        return install.call();
    }

    /** {@code helm upgrade eltm CHART --namespace NS --wait --timeout 180s --set ...}. */
    public Release upgrade(Path kubeconfig, String namespace, Map<String, Object> values) {
        UpgradeCommand upgrade = new Helm(dir).upgrade().withName(RELEASE).withNamespace(namespace)
                .withKubeConfig(kubeconfig).waitReady().withTimeout(180);
        values.forEach(upgrade::set);
        return upgrade.call();
    }

    /** {@code helm uninstall eltm --namespace NS}. */
    public static String uninstall(Path kubeconfig, String namespace) {
        return Helm.uninstall(RELEASE).withNamespace(namespace).withKubeConfig(kubeconfig).call();
    }
}
