package io.eltm.operator.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * What the reconciler read from one {@code EltmInstallation}: its spec (grouped as the CRD groups it) and the
 * markers the operator keeps in its status.
 *
 * @param generation {@code metadata.generation}: changes on every spec change
 * @param lastHandledGeneration the generation whose failed, refused or lost operation is already recorded, so it is
 *        not retried until the spec changes; 0 when none
 * @param recordedOperation {@code status.currentOperation}: the operation in flight; null when none
 * @param previousOperation the name of the last operation whose end was folded into status; null when none. Part of
 *        the next operation's name, so a drift after a finished operation gets a fresh one
 */
public record InstallationFacts(String name, String namespace, long generation, String desiredVersion,
                                Release release, Target target, Policy policy, long lastHandledGeneration,
                                String recordedOperation, String previousOperation) {

    public InstallationFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(release, "spec.release of " + namespace + "/" + name);
        Objects.requireNonNull(target, "spec.target.host of " + namespace + "/" + name);
        Objects.requireNonNull(policy, "spec.policy of " + namespace + "/" + name + " (with its defaults applied)");
    }

    /** {@code spec.release}: a tarball URL, or a URL template with {@code {version}}, and its sha256. */
    public record Release(String url, String sha256) {
    }

    /** {@code spec.target.host}. */
    public record Target(String hostName, String installDir) {
    }

    /** {@code spec.policy}. */
    public record Policy(boolean paused, boolean allowDowngrade, boolean autoRollback, Duration healthTimeout) {
    }

    /** {@code namespace/name}, as messages name the installation. */
    public String qualifiedName() {
        return namespace + "/" + name;
    }

    public boolean alreadyHandledThisGeneration() {
        return lastHandledGeneration == generation;
    }
}
