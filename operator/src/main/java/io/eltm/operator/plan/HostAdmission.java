package io.eltm.operator.plan;

import io.eltm.operator.plan.Decision.Refuse;

/**
 * Who may target a host: an installation in the host's own namespace, or in one the host's
 * {@code spec.allowedNamespaces} lists; and one installation per install directory of a host, the oldest.
 */
final class HostAdmission {

    private HostAdmission() {
    }

    /** The refusal for {@code installation} on {@code host}, or null when it may proceed. */
    static Decision refusal(InstallationFacts installation, HostFacts host) {
        if (!host.admits(installation.namespace())) {
            String rule = host.registered()
                    ? "its spec.allowedNamespaces " + host.allowedNamespaces().stream().sorted().toList()
                    + " does not list namespace " + installation.namespace()
                    : "it has no EltmHost in namespace " + host.namespace() + ", so it admits only that namespace";
            return new Refuse(Reasons.NAMESPACE_NOT_ALLOWED, installation.qualifiedName() + ": host "
                    + host.qualifiedName() + " does not allow installations from namespace " + installation.namespace()
                    + ": " + rule + " (the host's own namespace is always allowed); add " + installation.namespace()
                    + " to the EltmHost's spec.allowedNamespaces to allow it. Nothing was created");
        }
        if (host.installDirClaimedBy() != null) {
            return new Refuse(Reasons.INSTALL_DIR_CLAIMED, installation.qualifiedName() + ": install "
                    + installation.target().installDir() + " on host " + host.qualifiedName() + " is already the"
                    + " target of EltmInstallation " + host.installDirClaimedBy() + " (the older one); one installation"
                    + " per install directory. Delete one of them or point it at another installDir");
        }
        return null;
    }
}
