package io.eltm.shim.env;

import io.eltm.shim.RefusedException;

import com.sun.security.auth.module.UnixSystem;

/** The product forbids running as root: the install belongs to an unprivileged user (contract §1). */
public final class RootGuard {

    private RootGuard() {
    }

    /** @throws RefusedException when the effective user is root */
    public static void refuseRoot() {
        if (new UnixSystem().getUid() == 0) {
            throw new RefusedException("eltm-shim refuses to run as root: run it as the unprivileged user that "
                    + "owns the install (for example: su - maestro)");
        }
    }
}
