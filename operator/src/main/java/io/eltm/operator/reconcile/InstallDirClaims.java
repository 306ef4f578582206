package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;

import io.javaoperatorsdk.operator.api.reconciler.Context;

import java.util.Comparator;

/**
 * One installation per install directory: of the installations targeting the same host and {@code installDir}
 * (found through the primary cache's index), the oldest (creation time, then uid) keeps it; a newer one is refused.
 */
final class InstallDirClaims {

    private static final Comparator<EltmInstallation> OLDEST_FIRST = Comparator
            .comparing((EltmInstallation i) -> i.getMetadata().getCreationTimestamp(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.getMetadata().getUid());

    private InstallDirClaims() {
    }

    /** {@code namespace/name} of the installation that claimed {@code cr}'s install directory first, or null. */
    static String olderThan(Context<EltmInstallation> context, EltmInstallation cr) {
        if (HostEventSources.hostName(cr).isEmpty()) {
            return null;
        }
        return HostEventSources.sharingInstallDir(context.getPrimaryCache(), cr).stream().min(OLDEST_FIRST)
                .filter(oldest -> !oldest.getMetadata().getUid().equals(cr.getMetadata().getUid()))
                .map(oldest -> oldest.getMetadata().getNamespace() + "/" + oldest.getMetadata().getName())
                .orElse(null);
    }
}
