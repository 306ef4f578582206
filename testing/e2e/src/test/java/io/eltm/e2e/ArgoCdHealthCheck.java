package io.eltm.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health check this repository ships ({@code argocd/health/eltm.io/EltmInstallation/}), put into
 * {@code argocd-cm} with the commands docs/gitops.md gives users, and evaluated by Argo CD's own CLI.
 */
final class ArgoCdHealthCheck {

    static final String CONFIG_KEY = "resource.customizations.health.eltm.io_EltmInstallation";

    /** One result as Argo CD computes it. */
    record Health(String status, String message) {
    }

    private ArgoCdHealthCheck() {
    }

    static Path directory() {
        return Path.of(System.getProperty("eltm.argocd.health.dir"));
    }

    /**
     * {@code kubectl create configmap argocd-cm --from-file=KEY=health.lua --dry-run=client -o yaml}: an
     * argocd-cm holding only the check, written to {@code dir}; both the merge patch users apply and the
     * {@code --argocd-cm-path} of {@code argocd admin}.
     */
    static Path argocdCm(Kubectl kubectl, String namespace, Path dir) throws Exception {
        Kubectl.Result created = kubectl.run("create", "configmap", "argocd-cm", "-n", namespace, "--dry-run=client",
                "-o", "yaml", "--from-file=" + CONFIG_KEY + "=" + directory().resolve("health.lua"));
        assertThat(created.exit()).as(created.output()).isZero();
        Path file = dir.resolve("argocd-cm-health.yaml");
        Files.writeString(file, created.output());
        return file;
    }

    /**
     * {@code kubectl patch configmap argocd-cm --type merge --patch-file ...}, keeping every other key; returns
     * the patch file, for {@link #evaluate}.
     */
    static Path install(Kubectl kubectl, String namespace, Path dir) throws Exception {
        Path patch = argocdCm(kubectl, namespace, dir);
        Kubectl.Result patched = kubectl.run("patch", "configmap", "argocd-cm", "-n", namespace, "--type", "merge",
                "--patch-file", patch.toString());
        assertThat(patched.exit()).as(patched.output()).isZero();
        return patch;
    }

    /**
     * {@code argocd admin settings resource-overrides health RESOURCE --argocd-cm-path CM}: Argo CD's verdict on
     * one object with the check as installed (libraries as without {@code useOpenLibs}). The command exits 0
     * whatever the health, so its output is parsed.
     */
    static Health evaluate(ArgoCdBinaries argocd, Path argocdCm, Path resource) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("argocd-admin", ".err");
        Process p = new ProcessBuilder(List.of(argocd.cli().toString(), "admin", "settings", "resource-overrides",
                "health", resource.toString(), "--argocd-cm-path", argocdCm.toString()))
                .redirectError(errors.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = p.waitFor(1, TimeUnit.MINUTES);
        String err = Files.readString(errors);
        Files.delete(errors);
        if (!ended || p.exitValue() != 0) {
            throw new AssertionError("argocd admin settings resource-overrides health " + resource + " failed:\n" + out + err);
        }
        int status = out.indexOf("STATUS: ");
        int message = out.indexOf("\nMESSAGE: ");
        if (status < 0 || message < status) {
            throw new AssertionError("argocd admin gave no STATUS/MESSAGE for " + resource + ":\n" + out);
        }
        return new Health(out.substring(status + "STATUS: ".length(), message).strip(),
                out.substring(message + "\nMESSAGE: ".length()).stripTrailing());
    }
}
