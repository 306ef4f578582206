package io.eltm.shim.engine;

import io.eltm.api.ReleaseVersion;
import io.eltm.shim.RefusedException;
import io.eltm.shim.status.ReleaseInfo;

/** Which release changes are allowed (contract §4, §6): forward always, back or sideways with --allow-downgrade. */
public final class VersionPolicy {

    private VersionPolicy() {
    }

    /** @throws RefusedException when going from {@code from} to {@code to} needs a flag, or changes nothing */
    public static void check(ReleaseInfo from, ReleaseInfo to, boolean allowDowngrade) {
        int cmp = ReleaseVersion.parse(to.version()).compareTo(ReleaseVersion.parse(from.version()));
        if (cmp == 0 && to.gitSha() != null && to.gitSha().equals(from.gitSha())) {
            throw new RefusedException(to.version() + " (GIT_SHA " + to.gitSha() + ") is already installed: nothing to do");
        }
        if (cmp < 0 && !allowDowngrade) {
            throw new RefusedException(to.version() + " is older than the installed " + from.version()
                    + ": pass --allow-downgrade to downgrade");
        }
        if (cmp == 0 && !allowDowngrade) {
            throw new RefusedException(to.version() + " is already installed but built from another GIT_SHA ("
                    + from.gitSha() + " here, " + to.gitSha() + " in the release): pass --allow-downgrade to replace it");
        }
    }
}
